package dev.jumbo.devstack.readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls a readiness URL until it answers 200, the process behind it exits, or time runs out.
 * Non-blocking: many services can be awaited at once without a thread each.
 */
public final class ReadinessProbe {

    /**
     * Which process must be the one answering: a 200 from some other program that happens to listen on the
     * port (another Jumbo, another developer's service) must not count as ready.
     *
     * @param infoUrl the service's {@code /actuator/info}, which names its pid when
     *                {@code management.info.process.enabled} is on
     * @param pid the pid of the process devstack started
     */
    public record Owner(URI infoUrl, long pid) {
    }

    private static final Pattern PROCESS_SECTION = Pattern.compile("\"process\"\\s*:\\s*\\{");
    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");

    private final HttpClient client;
    private final Duration pollInterval;
    private final Duration requestTimeout;
    private final Clock clock;

    public ReadinessProbe(Duration pollInterval, Duration requestTimeout) {
        this(HttpClient.newBuilder().connectTimeout(requestTimeout).build(), pollInterval, requestTimeout, Clock.systemUTC());
    }

    ReadinessProbe(HttpClient client, Duration pollInterval, Duration requestTimeout, Clock clock) {
        this.client = client;
        this.pollInterval = pollInterval;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /** The readiness URL of a Spring Boot service on this machine. */
    public static URI readinessUrlOf(int port) {
        return URI.create("http://localhost:" + port + "/actuator/health/readiness");
    }

    /** The info URL of a Spring Boot service on this machine. */
    public static URI infoUrlOf(int port) {
        return URI.create("http://localhost:" + port + "/actuator/info");
    }

    /**
     * Completes with {@link Readiness.Status#READY} on the first 200, with {@link Readiness.Status#EXITED} as soon
     * as {@code running} turns false, or with {@link Readiness.Status#TIMED_OUT} after {@code timeout}.
     * Never completes exceptionally: a refused connection or a 503 just means "not yet".
     */
    public CompletableFuture<Readiness> awaitReady(URI url, Duration timeout, BooleanSupplier running) {
        return awaitReady(url, null, timeout, running);
    }

    /** As {@link #awaitReady(URI, Duration, BooleanSupplier)}, and only ready once {@code owner} is the one answering. */
    public CompletableFuture<Readiness> awaitReady(URI url, Owner owner, Duration timeout, BooleanSupplier running) {
        CompletableFuture<Readiness> result = new CompletableFuture<>();
        Instant start = clock.instant();
        poll(new Attempt(url, owner, start, start.plus(timeout), running, result));
        return result;
    }

    /** The pid named in an {@code /actuator/info} body, or -1 when it names none. */
    static long pidIn(String infoBody) {
        Matcher process = PROCESS_SECTION.matcher(infoBody);
        if (!process.find()) {
            return -1;
        }
        Matcher pid = PID.matcher(infoBody);
        return pid.find(process.end()) ? Long.parseLong(pid.group(1)) : -1;
    }

    private void poll(Attempt attempt) {
        if (attempt.result.isDone()) {
            return;
        }
        if (!attempt.running.getAsBoolean()) {
            attempt.complete(Readiness.Status.EXITED, clock.instant());
            return;
        }
        if (!clock.instant().isBefore(attempt.deadline)) {
            attempt.complete(Readiness.Status.TIMED_OUT, clock.instant());
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(attempt.url).timeout(requestTimeout).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                confirmOwner(attempt);
            } else {
                pollAgain(attempt);
            }
        });
    }

    private void confirmOwner(Attempt attempt) {
        if (attempt.owner == null) {
            attempt.complete(Readiness.Status.READY, clock.instant());
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(attempt.owner.infoUrl()).timeout(requestTimeout).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            boolean infoAnswered = error == null && response.statusCode() == 200;
            // No info endpoint to ask: the 200 has to do. An info without our pid (devstack turns the process
            // section on) comes from some other program listening on the port.
            if (!infoAnswered || pidIn(response.body()) == attempt.owner.pid()) {
                attempt.complete(Readiness.Status.READY, clock.instant());
            } else {
                pollAgain(attempt);
            }
        });
    }

    private void pollAgain(Attempt attempt) {
        afterInterval().execute(() -> poll(attempt));
    }

    private Executor afterInterval() {
        return CompletableFuture.delayedExecutor(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Attempt(URI url, Owner owner, Instant start, Instant deadline, BooleanSupplier running,
                           CompletableFuture<Readiness> result) {

        void complete(Readiness.Status status, Instant now) {
            result.complete(new Readiness(status, Duration.between(start, now)));
        }
    }
}
