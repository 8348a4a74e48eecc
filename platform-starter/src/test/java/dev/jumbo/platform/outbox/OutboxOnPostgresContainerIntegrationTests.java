package dev.jumbo.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.platform.support.IsolatedOutbox;
import dev.jumbo.test.TopicReader;
import dev.jumbo.test.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The outbox on the PostgreSQL image production runs; only where a Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class OutboxOnPostgresContainerIntegrationTests {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:15-alpine");

    @Test
    void shouldRelayEventWhenDatabaseIsThePostgresImage() {
        IsolatedOutbox outbox = new IsolatedOutbox(new SharedInfrastructure.Database(POSTGRES.getHost(),
                POSTGRES.getFirstMappedPort(), POSTGRES.getDatabaseName(), POSTGRES.getUsername(), POSTGRES.getPassword()));
        String topic = "test.container." + UUID.randomUUID();
        outbox.transactions.transactional(outbox.writer.append(
                new OutboxEvent(topic, "dev.jumbo.test.container.v1", "user-1", Map.of("ok", true)))).block();
        OutboxRelay relay = outbox.relay(SharedInfrastructure.kafkaBootstrapServers(), new SimpleMeterRegistry());
        relay.start();
        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !reader.records().isEmpty());
            assertThat(outbox.unpublished()).isZero();
        } finally {
            relay.stop();
        }
    }
}
