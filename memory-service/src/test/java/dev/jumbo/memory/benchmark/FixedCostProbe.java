package dev.jumbo.memory.benchmark;

import dev.jumbo.memory.MemoryServiceApplication;
import dev.jumbo.test.SharedInfrastructureInitializer;
import dev.jumbo.test.TestJwks;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Splits the fixed cost of a request to memory-service (not a test). Starts the service like
 * {@link MemoryBenchmarks} on the embedded PostgreSQL and Kafka, seeds nothing, and measures sequential requests
 * over loopback after a warm-up:
 * <ol>
 *   <li>{@code GET /actuator/health/liveness}: HTTP + WebFlux + security filter chain (permitAll), no JWT, no DB;</li>
 *   <li>{@code GET /api/v1/memories/x} without a token: 401 problem+json, no JWT decode, no DB;</li>
 *   <li>{@code GET /api/v1/memories/not-a-uuid} with a token: JWT validation + controller + 404 problem+json, no DB;</li>
 *   <li>{@code GET /api/v1/memories/{random uuid}} with a token: the same plus one primary-key SELECT.</li>
 * </ol>
 * CPU per request: of the server threads (event loops), and of the whole process (with the in-process client,
 * the JIT and background work). Run:
 * {@code java -cp <test classpath> dev.jumbo.memory.benchmark.FixedCostProbe} ({@code -Dwarmup.seconds=40
 * -Druns=2000 -Drounds=3}).
 */
public final class FixedCostProbe {

    /**
     * Replaced after a stall: Reactor Netty 1.3.6 can stop reading a kept-alive connection (ADR 0011), so a request
     * with no answer in 3 s is counted and sent again on a new client (new connection).
     */
    private static volatile HttpClient http = newClient();
    private static int stalls;
    private static final long WARM_UP_SECONDS = Long.getLong("warmup.seconds", 40);
    private static final int RUNS = Integer.getInteger("runs", 2_000);
    private static final int ROUNDS = Integer.getInteger("rounds", 3);

    private FixedCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MemoryServiceApplication.class)
                .profiles("test")
                .initializers(new SharedInfrastructureInitializer())
                .properties("logging.level.root=WARN", "logging.level.dev.jumbo=WARN",
                        "management.otlp.metrics.export.enabled=false")
                .run(args.length > 0 ? concat("--server.port=0", args) : new String[] {"--server.port=0"});
        int exitCode = 0;
        try {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            String token = TestJwks.tokenFor(UUID.randomUUID().toString());
            System.out.printf("load average at start: %s; GC %s%n", loadAverage(),
                    ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
            Probe[] probes = {
                    new Probe("GET /actuator/health/liveness (no JWT, no DB)", base + "/actuator/health/liveness", null, 200),
                    new Probe("GET /api/v1/memories/x without token (401)", base + "/api/v1/memories/x", null, 401),
                    new Probe("GET /api/v1/memories/not-a-uuid (JWT, no DB, 404)", base + "/api/v1/memories/not-a-uuid", token, 404),
                    new Probe("GET /api/v1/memories/{uuid} (JWT, PK SELECT, 404)", base + "/api/v1/memories/{uuid}", token, 404)};
            for (Probe probe : probes) {
                long warmUpEnd = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L / probes.length;
                while (System.nanoTime() < warmUpEnd) {
                    probe.call();
                }
            }
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.printf("-- round %d (load average %s)%n", round, loadAverage());
                for (Probe probe : probes) {
                    probe.measure();
                }
            }
            System.out.printf("stalled keep-alive connections replaced: %d%n", stalls);
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            app.close();
            System.exit(exitCode);
        }
    }

    private record Probe(String name, String url, String token, int status) {

        void call() throws Exception {
            String target = url.replace("{uuid}", UUID.randomUUID().toString());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(3)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                stalls++;
                http = newClient();
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != status) {
                throw new IllegalStateException(target + " answered " + response.statusCode() + ": " + response.body());
            }
        }

        void measure() throws Exception {
            for (int i = 0; i < 200; i++) {
                call();
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double[] micros = new double[RUNS];
            long cpuStart = os.getProcessCpuTime();
            long serverStart = serverThreadsCpu();
            long wallStart = System.nanoTime();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                call();
                micros[i] = (System.nanoTime() - start) / 1e3;
            }
            long wall = System.nanoTime() - wallStart;
            long cpu = os.getProcessCpuTime() - cpuStart;
            long server = serverThreadsCpu() - serverStart;
            Arrays.sort(micros);
            System.out.printf(Locale.ROOT, "%-52s n=%d p50=%.2f p99=%.2f p99.9=%.2f max=%.1f ms; CPU/req: server %.3f, process %.2f ms%n",
                    name, RUNS, micros[RUNS / 2] / 1e3, pct(micros, 99) / 1e3, pct(micros, 99.9) / 1e3,
                    micros[RUNS - 1] / 1e3, server / 1e6 / RUNS, cpu / 1e6 / RUNS);
        }
    }

    /**
     * CPU time of the threads that serve requests (Reactor Netty's HTTP and R2DBC event loops, boundedElastic): the
     * server's share without the client, the JIT, Kafka and the outbox relay.
     */
    private static long serverThreadsCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("reactor-") || info.getThreadName().startsWith("boundedElastic"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** HTTP/1.1 as chat-service speaks it (the JDK client would otherwise try an h2c upgrade on its first GET). */
    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static double pct(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
