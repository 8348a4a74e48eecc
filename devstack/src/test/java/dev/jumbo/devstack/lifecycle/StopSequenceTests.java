package dev.jumbo.devstack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.devstack.lifecycle.StopSequence.Phase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StopSequenceTests {

    private final StopSequence stops = new StopSequence();
    private final List<String> stopped = new CopyOnWriteArrayList<>();

    private void register(Phase phase, String name) {
        stops.register(phase, name, () -> stopped.add(name));
    }

    @Test
    void shouldStopServicesThenRedisKafkaAndPostgresWhenStopping() {
        register(Phase.POSTGRES, "postgres");
        register(Phase.KAFKA, "kafka");
        register(Phase.SERVICES, "auth-service");
        register(Phase.REDIS, "redis");
        register(Phase.SERVICES, "chat-service");

        stops.stop();

        assertThat(stopped.subList(0, 2)).containsExactlyInAnyOrder("auth-service", "chat-service");
        assertThat(stopped.subList(2, 5)).containsExactly("redis", "kafka", "postgres");
        assertThat(stops.isStopRequested()).isTrue();
    }

    @Test
    void shouldStopEachComponentOnceWhenStopIsCalledTwice() {
        register(Phase.SERVICES, "gateway");

        stops.stop();
        stops.stop();

        assertThat(stopped).containsExactly("gateway");
    }

    @Test
    void shouldStopComponentAtOnceWhenRegisteredAfterStop() {
        stops.stop();

        register(Phase.KAFKA, "late kafka");

        assertThat(stopped).containsExactly("late kafka");
    }

    @Test
    void shouldWaitForPendingStartWhenStopIsRequestedMeanwhile() {
        CompletableFuture<Void> start = new CompletableFuture<>();
        stops.awaitBeforeStopping(start);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(stops::stop);

        await().until(stops::isStopRequested);
        assertThat(stopping).isNotDone();
        register(Phase.POSTGRES, "postgres");
        start.complete(null);
        stopping.join();

        assertThat(stopped).containsExactly("postgres");
    }

    @Test
    void shouldKeepStoppingWhenOneComponentFails() {
        stops.register(Phase.SERVICES, "broken", () -> {
            throw new IllegalStateException("boom");
        });
        register(Phase.POSTGRES, "postgres");

        stops.stop();

        assertThat(stopped).containsExactly("postgres");
    }
}
