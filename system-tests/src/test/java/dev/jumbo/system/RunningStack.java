package dev.jumbo.system;

import static org.awaitility.Awaitility.await;

import dev.jumbo.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system started the way {@code ./jumbo up} starts it: devstack as a child process, which starts
 * PostgreSQL, Kafka, Redis and each service as its own JVM. It gets a home of its own (links to the modules'
 * {@code target/} folders) and free ports, so it never collides with a devstack a developer is running.
 */
final class RunningStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("gateway", "auth-service", "chat-service", "memory-service",
            "maintenance-service");

    private final Process devstack;
    private final Path home;
    final int gatewayPort;
    final Duration startup;

    private RunningStack(Process devstack, Path home, int gatewayPort, Duration startup) {
        this.devstack = devstack;
        this.home = home;
        this.gatewayPort = gatewayPort;
        this.startup = startup;
    }

    static RunningStack start(Path repository, String adminEmail) {
        return start(repository, adminEmail, Map.of());
    }

    static RunningStack start(Path repository, String adminEmail, Map<String, String> extraEnvironment) {
        try {
            Path home = Files.createTempDirectory("jumbo-system-");
            for (String service : SERVICES) {
                Files.createDirectories(home.resolve(service));
                Files.createSymbolicLink(home.resolve(service).resolve("target"), repository.resolve(service).resolve("target"));
            }
            int gatewayPort = FreePorts.next();
            Path devstackTarget = repository.resolve("devstack").resolve("target");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", devstackTarget.resolve("devstack-0.1.0-SNAPSHOT.jar") + ":" + devstackTarget.resolve("lib") + "/*",
                    "dev.jumbo.devstack.Devstack",
                    "--home", home.toString(),
                    "--db-port", "0", "--kafka-port", "0", "--redis-port", "0",
                    "--gateway-port", String.valueOf(gatewayPort),
                    "--gateway-management-port", String.valueOf(FreePorts.next()),
                    "--auth-port", String.valueOf(FreePorts.next()),
                    "--chat-port", String.valueOf(FreePorts.next()),
                    "--memory-port", String.valueOf(FreePorts.next()),
                    "--maintenance-port", String.valueOf(FreePorts.next()),
                    "--timeout", "420"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("devstack.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("JUMBO_"));
            environment.put("JUMBO_ADMIN_EMAILS", adminEmail);
            environment.put("JUMBO_BACKUP_DIR", home.resolve("backups").toString());
            // one test client signs up many users from one address: the limits are tested in the gateway module
            environment.put("JUMBO_RATE_LIMIT_AUTH_REPLENISH_RATE", "200");
            environment.put("JUMBO_RATE_LIMIT_AUTH_BURST_CAPACITY", "400");
            environment.put("JUMBO_RATE_LIMIT_API_REPLENISH_RATE", "500");
            environment.put("JUMBO_RATE_LIMIT_API_BURST_CAPACITY", "1000");
            environment.putAll(extraEnvironment);
            long started = System.nanoTime();
            Process process = builder.start();
            RunningStack stack = new RunningStack(process, home, gatewayPort, Duration.ZERO);
            try {
                await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> !process.isAlive() || stack.healthStatus() == 200);
            } catch (RuntimeException e) {
                stack.close();
                throw new IllegalStateException("The stack did not become healthy; see " + home.resolve("devstack.log")
                        + " and " + home.resolve(".jumbo/logs"), e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("devstack exited with " + process.exitValue() + ":\n"
                        + Files.readString(home.resolve("devstack.log")));
            }
            return new RunningStack(process, home, gatewayPort, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    int healthStatus() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    Path logs() {
        return home.resolve(".jumbo").resolve("logs");
    }

    @Override
    public void close() {
        devstack.destroy();
        try {
            if (!devstack.waitFor(120, TimeUnit.SECONDS)) {
                devstack.descendants().forEach(ProcessHandle::destroyForcibly);
                devstack.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
