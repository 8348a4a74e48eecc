package dev.jumbo.devstack.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import dev.jumbo.devstack.report.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops what devstack started, phase by phase: all services (in parallel) first, then Redis, Kafka and
 * PostgreSQL, so no service loses its infrastructure while it is still shutting down.
 * Safe to call from a signal handler, a shutdown hook and the main thread at once: the first caller
 * stops everything, the others wait for it.
 */
public final class StopSequence {

    /** In stopping order. */
    public enum Phase { SERVICES, REDIS, KAFKA, POSTGRES }

    /** Something that can be stopped; may block until it has. */
    @FunctionalInterface
    public interface Stoppable {
        void stop() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(StopSequence.class);
    private static final Duration PENDING_START_WAIT = Duration.ofSeconds(120);

    private final Map<Phase, List<Component>> components = new EnumMap<>(Phase.class);
    private final List<CompletableFuture<?>> pendingStarts = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private boolean stopping;

    /** Registers a started component; if everything is already being stopped, stops it right away. */
    public void register(Phase phase, String name, Stoppable stoppable) {
        Component component = new Component(name, stoppable);
        synchronized (this) {
            if (!stopping) {
                components.computeIfAbsent(phase, p -> new ArrayList<>()).add(component);
                return;
            }
        }
        component.stop();
    }

    /**
     * A start still in flight when a stop is requested is waited for, so that whatever it starts gets
     * registered and stopped instead of outliving devstack.
     */
    public synchronized void awaitBeforeStopping(CompletableFuture<?> start) {
        pendingStarts.add(start);
    }

    /** True once a stop was asked for: do not start anything new. */
    public boolean isStopRequested() {
        return stopRequested;
    }

    public void stop() {
        stopRequested = true;
        synchronized (this) {
            if (stopping) {
                awaitStopped();
                return;
            }
        }
        awaitPendingStarts();
        Map<Phase, List<Component>> toStop = new EnumMap<>(Phase.class);
        synchronized (this) {
            if (stopping) {
                awaitStopped();
                return;
            }
            stopping = true;
            components.forEach((phase, list) -> toStop.put(phase, List.copyOf(list)));
        }
        try {
            for (Phase phase : Phase.values()) {
                stopInParallel(toStop.getOrDefault(phase, List.of()));
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished (returns at once if it has). */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPendingStarts() {
        List<CompletableFuture<?>> pending;
        synchronized (this) {
            pending = List.copyOf(pendingStarts);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .handle((ignored, error) -> null)
                    .get(PENDING_START_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("A start was still running after {} s; stopping what is up", PENDING_START_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: handle() swallows failures", e);
        }
    }

    private static void stopInParallel(List<Component> phase) {
        List<Thread> threads = phase.stream()
                .map(component -> new Thread(component::stop, "stop-" + component.name))
                .toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Component(String name, Stoppable stoppable) {

        void stop() {
            long start = System.nanoTime();
            try {
                stoppable.stop();
                log.info("Stopped {} ({})", name, Durations.seconds(Duration.ofNanos(System.nanoTime() - start)));
            } catch (Exception e) {
                log.warn("Could not stop {} cleanly: {}", name, e.toString());
            }
        }
    }
}
