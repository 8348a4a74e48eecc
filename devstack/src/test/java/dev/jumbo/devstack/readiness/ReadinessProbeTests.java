package dev.jumbo.devstack.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.jumbo.infra.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadinessProbeTests {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    private static final ReadinessProbe probe = new ReadinessProbe(Duration.ofMillis(20), Duration.ofSeconds(1));
    private final AtomicInteger status = new AtomicInteger(503);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> info = new AtomicReference<>("{}");
    private final AtomicInteger infoStatus = new AtomicInteger(200);
    private HttpServer server;
    private URI readinessUrl;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.createContext("/actuator/info", exchange -> {
            byte[] body = info.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(infoStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        readinessUrl = ReadinessProbe.readinessUrlOf(server.getAddress().getPort());
    }

    private ReadinessProbe.Owner ownerWithPid(long pid) {
        return new ReadinessProbe.Owner(ReadinessProbe.infoUrlOf(server.getAddress().getPort()), pid);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldBecomeReadyWhenEndpointFlipsFrom503To200() {
        CompletableFuture<Readiness> readiness = probe.awaitReady(readinessUrl, LONG_ENOUGH, () -> true);

        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(3)).until(() -> requests.get() >= 3);
        assertThat(readiness).isNotDone();

        status.set(200);

        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(3)).until(readiness::isDone);
        assertThat(readiness.join().status()).isEqualTo(Readiness.Status.READY);
        assertThat(readiness.join().isReady()).isTrue();
    }

    @Test
    void shouldTimeOutWhenEndpointNeverAnswers200() {
        Readiness readiness = probe.awaitReady(readinessUrl, Duration.ofMillis(150), () -> true)
                .orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(readiness.status()).isEqualTo(Readiness.Status.TIMED_OUT);
        assertThat(readiness.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(requests.get()).isPositive();
    }

    @Test
    void shouldReportExitedWhenProcessIsGoneBeforeItIsReady() {
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Readiness> readiness = probe.awaitReady(readinessUrl, LONG_ENOUGH, running::get);
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(3)).until(() -> requests.get() >= 1);

        running.set(false);

        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(3)).until(readiness::isDone);
        assertThat(readiness.join().status()).isEqualTo(Readiness.Status.EXITED);
    }

    @Test
    void shouldBecomeReadyWhenOwnProcessAnswers() {
        status.set(200);
        info.set("{\"app\":{},\"process\":{\"pid\":4242,\"parentPid\":1,\"memory\":{\"heap\":{}}}}");

        Readiness readiness = probe.awaitReady(readinessUrl, ownerWithPid(4242), LONG_ENOUGH, () -> true)
                .orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(readiness.isReady()).isTrue();
    }

    @Test
    void shouldNotBecomeReadyWhenAnotherProcessAnswersOnThePort() {
        status.set(200);
        info.set("{\"process\":{\"parentPid\":4242,\"pid\":777}}");

        Readiness readiness = probe.awaitReady(readinessUrl, ownerWithPid(4242), Duration.ofMillis(150), () -> true)
                .orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(readiness.status()).isEqualTo(Readiness.Status.TIMED_OUT);
    }

    @Test
    void shouldNotBecomeReadyWhenInfoNamesNoProcess() {
        status.set(200);
        info.set("{\"app\":{\"name\":\"someone else's service\"}}");

        Readiness readiness = probe.awaitReady(readinessUrl, ownerWithPid(4242), Duration.ofMillis(150), () -> true)
                .orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(readiness.status()).isEqualTo(Readiness.Status.TIMED_OUT);
    }

    @Test
    void shouldTrustStatusWhenInfoEndpointIsNotExposed() {
        status.set(200);
        infoStatus.set(404);

        Readiness readiness = probe.awaitReady(readinessUrl, ownerWithPid(4242), LONG_ENOUGH, () -> true)
                .orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(readiness.isReady()).isTrue();
    }

    @Test
    void shouldKeepWaitingWhenNothingListensYet() {
        URI nobodyHome = ReadinessProbe.readinessUrlOf(FreePorts.next());

        Readiness readiness = probe.awaitReady(nobodyHome, Duration.ofMillis(150), () -> true)
                .orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(readiness.status()).isEqualTo(Readiness.Status.TIMED_OUT);
    }
}
