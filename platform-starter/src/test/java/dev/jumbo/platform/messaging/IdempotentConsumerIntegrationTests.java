package dev.jumbo.platform.messaging;

import static dev.jumbo.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.platform.support.PlatformIntegrationTest;
import dev.jumbo.test.TestEvents;
import dev.jumbo.test.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class IdempotentConsumerIntegrationTests extends PlatformIntegrationTest {

    private static final String TOPIC = "test.effects.v1";

    @Autowired
    DatabaseClient database;


    @Test
    void shouldApplyEffectOnceWhenEventIsDeliveredTwice() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String duplicated = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();

        send(duplicated, user, "{\"note\":\"first\",\"fail\":false}");
        send(duplicated, user, "{\"note\":\"first\",\"fail\":false}");
        send(later, user, "{\"note\":\"later\",\"fail\":false}");

        // the later event is consumed after both copies of the duplicated one (same key, same partition)
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(user) == 2);
        assertThat(count("SELECT count(*) AS n FROM effects WHERE event_id = :v", duplicated)).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM processed_events WHERE event_id = :v", duplicated)).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterPoisonMessageAndGoOnWhenPayloadIsMalformed() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String poison = UUID.randomUUID().toString();
        try (TopicReader deadLetters = new TopicReader(kafkaBootstrapServers(), TOPIC + "-dlt")) {
            send(poison, user, "{this is not json");
            send(UUID.randomUUID().toString(), user, "{\"note\":\"after poison\",\"fail\":false}");

            await().atMost(Duration.ofSeconds(30)).until(() -> effects(user) == 1);
            List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> withEventId(deadLetters.records(), poison), found -> !found.isEmpty());
            assertThat(dead.get(0).value()).isEqualTo("{this is not json");
            assertThat(header(dead.get(0), "kafka_dlt-exception-message")).contains("not a valid");
        }
    }

    @Test
    void shouldRetryThenDeadLetterWithoutAnyEffectWhenEffectKeepsFailing() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String failing = UUID.randomUUID().toString();
        try (TopicReader deadLetters = new TopicReader(kafkaBootstrapServers(), TOPIC + "-dlt")) {
            send(failing, user, "{\"note\":\"fails\",\"fail\":true}");
            send(UUID.randomUUID().toString(), user, "{\"note\":\"next\",\"fail\":false}");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> withEventId(deadLetters.records(), failing), found -> !found.isEmpty());
            await().atMost(Duration.ofSeconds(30)).until(() -> effects(user) == 1);
            assertThat(count("SELECT count(*) AS n FROM effects WHERE event_id = :v", failing)).isZero();
            assertThat(count("SELECT count(*) AS n FROM processed_events WHERE event_id = :v", failing)).isZero();
        }
    }

    private void send(String eventId, String user, String value) {
        TestEvents.publish(TOPIC, user, eventId,
                Map.of("ce_type", "dev.jumbo.test.effect-requested.v1", "ce_subject", user), value);
    }

    private static List<ConsumerRecord<String, String>> withEventId(List<ConsumerRecord<String, String>> records, String id) {
        return records.stream().filter(r -> id.equals(header(r, "ce_id"))).toList();
    }

    private long effects(String user) {
        return count("SELECT count(*) AS n FROM effects WHERE user_id = :v", user);
    }

    private long count(String sql, String value) {
        return database.sql(sql).bind("v", value).map(row -> row.get("n", Long.class)).one().block();
    }
}
