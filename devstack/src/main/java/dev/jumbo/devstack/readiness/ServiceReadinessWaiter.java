package dev.jumbo.devstack.readiness;

import dev.jumbo.devstack.report.Durations;
import dev.jumbo.devstack.service.ServiceProcess;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits for all the services devstack started, logging each one as it becomes ready. */
public final class ServiceReadinessWaiter {

    private static final Logger log = LoggerFactory.getLogger(ServiceReadinessWaiter.class);

    private final ReadinessProbe probe;
    private final Duration timeout;

    public ServiceReadinessWaiter(ReadinessProbe probe, Duration timeout) {
        this.probe = probe;
        this.timeout = timeout;
    }

    /**
     * Returns once every service is ready, or as soon as one cannot be (timed out or exited). The map holds the
     * outcome of every service whose wait has ended; the others were still starting.
     */
    public Map<ServiceProcess, Readiness> awaitAll(List<ServiceProcess> services) {
        Map<ServiceProcess, CompletableFuture<Readiness>> pending = new LinkedHashMap<>();
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        for (ServiceProcess service : services) {
            int port = service.ports().readinessPort();
            CompletableFuture<Readiness> readiness = probe.awaitReady(ReadinessProbe.readinessUrlOf(port),
                    new ReadinessProbe.Owner(ReadinessProbe.infoUrlOf(port), service.pid()), timeout, service::isAlive);
            readiness.thenAccept(result -> {
                if (result.isReady()) {
                    log.info("{} is ready on port {} ({})", service.name(), service.port(), Durations.seconds(result.waited()));
                } else {
                    firstFailure.complete(null);
                }
            });
            pending.put(service, readiness);
        }
        CompletableFuture.anyOf(CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)), firstFailure)
                .join();

        Map<ServiceProcess, Readiness> outcomes = new LinkedHashMap<>();
        pending.forEach((service, readiness) -> {
            if (readiness.isDone()) {
                outcomes.put(service, readiness.join());
            }
        });
        return outcomes;
    }

    /**
     * The gateway's {@code GET /health} answers 200 once it sees all four services ready. Only reported, never
     * fatal: a service skipped to run from an IDE keeps it at 503 until that service is up.
     */
    public void checkGatewayHealth(ServiceProcess gateway, Duration wait) {
        URI health = URI.create("http://localhost:" + gateway.port() + "/health");
        if (probe.awaitReady(health, wait, gateway::isAlive).join().isReady()) {
            log.info("{} answers 200: every service is UP", health);
        } else {
            log.warn("{} did not answer 200 within {}; ./jumbo status shows which service is not ready", health,
                    Durations.seconds(wait));
        }
    }
}
