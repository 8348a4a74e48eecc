package dev.jumbo.chat.benchmark;

import dev.jumbo.chat.ChatServiceApplication;
import dev.jumbo.chat.mood.MoodAnalyzer;
import dev.jumbo.chat.mood.MoodModel;
import dev.jumbo.test.SharedInfrastructure;
import dev.jumbo.test.TestJwks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: a load benchmark of {@code POST /api/v1/chat/messages}. Starts real PostgreSQL and Kafka (as the
 * integration tests do), runs chat-service on them, then drives it with {@code users} concurrent users, each
 * sending its next message {@code thinkMillis} (uniformly jittered ±50%) after the previous turn came back, and
 * prints p50/p99 latency and turns/s. With {@code thinkMillis} 0 it is a saturation test: latency is then
 * users ÷ throughput. Also times the mood analysis alone. See ADR 0010 for why both are reported.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -B -o -pl chat-service test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test} then
 * {@code java -cp chat-service/target/classes:chat-service/target/test-classes:$(cat chat-service/target/cp.txt)
 * dev.jumbo.chat.benchmark.ChatTurnBenchmark [users] [seconds] [thinkMillis] [warmupSeconds]}.
 */
public final class ChatTurnBenchmark {

    private static final List<String> MESSAGES = List.of(
            "It's been a long week at work but I finally shipped the project.",
            "I feel so lonely since my best friend moved away.",
            "My mom is visiting this weekend with my little brother.",
            "I'm nervous but kind of excited about the interview on Friday.",
            "Went for a run this morning and my knee hurts a bit.",
            "Saving up for a car but my paycheck barely covers rent.",
            "Feeling pretty calm today, had a slow morning with coffee.",
            "My manager took credit for my work again. I'm furious.",
            "Started painting again, watercolors are so relaxing.",
            "I have three exams next week and my professor is tough.");

    private ChatTurnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int thinkMillis = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        moodAlone();

        SharedInfrastructure.Database db = SharedInfrastructure.database();
        Map<String, Object> env = Map.of(
                "JUMBO_DB_HOST", db.host(), "JUMBO_DB_PORT", String.valueOf(db.port()), "JUMBO_DB_NAME", db.name(),
                "JUMBO_DB_USER", db.user(), "JUMBO_DB_PASSWORD", db.password(),
                "JUMBO_KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.kafkaBootstrapServers(),
                "JUMBO_JWKS_URI", TestJwks.get().uri(), "SERVER_PORT", "0",
                "logging.level.root", "WARN", "logging.level.dev.jumbo", "WARN");
        try (ConfigurableApplicationContext chat = new SpringApplicationBuilder(ChatServiceApplication.class)
                .profiles("test").properties(env).run()) {
            String port = chat.getEnvironment().getProperty("local.server.port");
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/chat/messages");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf("warm-up: %d users for %d s%n", users, warmupSeconds);
            run(client, uri, users, warmupSeconds, thinkMillis);
            System.out.printf("measuring: %d users, think time %d ms, for %d s%n", users, thinkMillis, seconds);
            Result result = run(client, uri, users, seconds, thinkMillis);
            List<Long> latencies = result.latenciesMicros();
            Collections.sort(latencies);
            System.out.printf("turns: %d, errors: %d, throughput: %.1f turns/s%n", latencies.size(), result.errors(),
                    latencies.size() / (double) seconds);
            System.out.printf("latency p50: %.1f ms, p90: %.1f ms, p99: %.1f ms, max: %.1f ms%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                    latencies.get(latencies.size() - 1) / 1000.0);
        }
        System.exit(0);
    }

    private record Result(List<Long> latenciesMicros, int errors) {
    }

    private static Result run(HttpClient client, URI uri, int users, int seconds, int thinkMillis)
            throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        for (int u = 0; u < users; u++) {
            String token = TestJwks.tokenFor(UUID.randomUUID().toString());
            int offset = u;
            SimulatedUser.start(u, token, offset, thinkMillis, client, uri, deadline, latencies, errors, done);
        }
        done.await();
        return new Result(new ArrayList<>(latencies), errors.get());
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static void moodAlone() {
        MoodAnalyzer analyzer = new MoodAnalyzer(MoodModel.load());
        for (int i = 0; i < 50_000; i++) {
            analyzer.analyze(MESSAGES.get(i % MESSAGES.size()));
        }
        int n = 100_000;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            analyzer.analyze(MESSAGES.get(i % MESSAGES.size()));
        }
        System.out.printf("mood analysis alone (model + lexicon, one thread): %.1f µs per message%n",
                (System.nanoTime() - started) / 1e3 / n);
    }

    /** One simulated user: reads the reply, thinks, and sends its next message. */
    private static final class SimulatedUser {

        static void start(int index, String token, int offset, int thinkMillis, HttpClient client, URI uri,
                          long deadline, List<Long> latencies, AtomicInteger errors, CountDownLatch done) {
            Thread thread = new Thread(() -> {
                try {
                    int i = offset;
                    think(thinkMillis);
                    while (System.nanoTime() < deadline) {
                        String body = "{\"message\":\"" + MESSAGES.get(i++ % MESSAGES.size()) + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long started = System.nanoTime();
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                latencies.add((System.nanoTime() - started) / 1000);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        think(thinkMillis);
                    }
                } finally {
                    done.countDown();
                }
            }, "user-" + index);
            thread.start();
        }

        private static void think(int thinkMillis) {
            if (thinkMillis > 0) {
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(thinkMillis / 2, thinkMillis * 3L / 2 + 1) * 1_000_000L);
            }
        }
    }
}
