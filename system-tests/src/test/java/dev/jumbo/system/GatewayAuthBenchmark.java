package dev.jumbo.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A benchmark, not a test: login, and an authenticated no-op read ({@code GET /api/v1/profile}), through the
 * gateway of the whole system as devstack runs it, with N client threads in a closed loop. Also compares the
 * latency of the two kinds of failed login (unknown email, wrong password), which must not tell them apart.
 * Run: {@code java -cp <system-tests test classpath> dev.jumbo.system.GatewayAuthBenchmark [threads] [seconds]}.
 */
public final class GatewayAuthBenchmark {

    private static final String PASSWORD = "correct horse battery staple 42";

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Duration window = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 30);
        Path repository = Path.of("").toAbsolutePath().resolve("pom.xml").toFile().exists()
                && Path.of("").toAbsolutePath().resolve("system-tests").toFile().exists()
                ? Path.of("").toAbsolutePath() : Path.of("").toAbsolutePath().getParent();
        try (RunningStack stack = RunningStack.start(repository, "admin-bench@example.com", Map.of(
                "JUMBO_LOGIN_MAX_FAILURES_PER_ACCOUNT", "1000000", "JUMBO_LOGIN_MAX_FAILURES_PER_IP", "1000000"))) {
            System.out.printf("stack ready in %d s; %d client threads, %d s per scenario%n",
                    stack.startup.toSeconds(), threads, window.toSeconds());
            List<PublicApiClient> users = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                users.add(PublicApiClient.signUp(stack.baseUrl(), "bench" + i, PASSWORD));
            }
            run("warm-up GET /api/v1/profile", users, Duration.ofSeconds(10), user -> user.get("/api/v1/profile").status());
            run("warm-up POST /api/v1/auth/login", users, Duration.ofSeconds(10), user -> user.login(PASSWORD).status());
            report(run("POST /api/v1/auth/login", users, window, user -> user.login(PASSWORD).status()), window);
            report(run("GET /api/v1/profile (authenticated)", users, window, user -> user.get("/api/v1/profile").status()), window);

            PublicApiClient known = users.get(0);
            PublicApiClient unknown = PublicApiClient.anonymous(stack.baseUrl());
            List<Long> wrongPassword = new ArrayList<>();
            List<Long> unknownEmail = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                wrongPassword.add(timed(() -> known.send("POST", "/api/v1/auth/login",
                        Map.of("email", known.email, "password", "wrong password " + PASSWORD))));
                unknownEmail.add(timed(() -> unknown.send("POST", "/api/v1/auth/login",
                        Map.of("email", "nobody-" + System.nanoTime() + "@example.com", "password", PASSWORD))));
            }
            System.out.printf("401 wrong password: p50 %.1f ms p99 %.1f ms | 401 unknown email: p50 %.1f ms p99 %.1f ms%n",
                    percentile(wrongPassword, 50), percentile(wrongPassword, 99),
                    percentile(unknownEmail, 50), percentile(unknownEmail, 99));
        }
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static Result run(String name, List<PublicApiClient> users, Duration window,
                              Function<PublicApiClient, Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        long end = System.nanoTime() + window.toNanos();
        List<Future<List<Long>>> futures = new ArrayList<>();
        List<Future<Integer>> errors = new ArrayList<>();
        int[] failed = new int[users.size()];
        for (int i = 0; i < users.size(); i++) {
            PublicApiClient user = users.get(i);
            int slot = i;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status = call.apply(user);
                    latencies.add(System.nanoTime() - start);
                    if (status >= 300) {
                        failed[slot]++;
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        int failures = 0;
        for (int f : failed) {
            failures += f;
        }
        return new Result(name, all, failures);
    }

    private static void report(Result result, Duration window) {
        System.out.printf("%s: %d requests, %.0f req/s, p50 %.1f ms, p99 %.1f ms, non-2xx %d%n", result.name,
                result.latencies.size(), result.latencies.size() / (double) window.toSeconds(),
                percentile(result.latencies, 50), percentile(result.latencies, 99), result.failures);
    }

    private static double percentile(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    private record Result(String name, List<Long> latencies, int failures) {
    }
}
