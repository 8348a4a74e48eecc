package dev.jumbo.auth.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.auth.support.AuthIntegrationTest;
import dev.jumbo.test.TopicReader;
import dev.jumbo.test.ContractExamples;
import dev.jumbo.test.TestEvents;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Consumer side of the contract: chat-service's example event, with this test's user, changes the profile once. */
class PreferredNameStatedIntegrationTests extends AuthIntegrationTest {

    private static final String TOPIC = "chat.conversations.v1";

    @Autowired
    DatabaseClient database;


    @Test
    void shouldSetPreferredNameOnceWhenEventIsDeliveredTwice() throws Exception {
        JsonNode tokens = signup(newEmail());
        String userId = tokens.get("userId").asString();
        ContractExamples.Example example = ContractExamples.load(TOPIC, "preferred-name-stated.v1");
        String duplicated = UUID.randomUUID().toString();
        String ignored = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();

        send(example, duplicated, userId, withUser(example, userId, example.payload().get("preferredName").asString()));
        send(example, duplicated, userId, withUser(example, userId, example.payload().get("preferredName").asString()));
        ContractExamples.Example messageReceived = ContractExamples.load(TOPIC, "message-received.v1");
        send(messageReceived, ignored, userId, withUser(messageReceived, userId, null));
        // same key, same partition: once this one shows, every event before it was consumed
        send(example, later, userId, withUser(example, userId, "Zoë Ann"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> getProfile(accessToken(tokens))
                .expectBody().jsonPath("$.preferredName").isEqualTo("Zoë Ann"));
        assertThat(count("SELECT count(*) AS n FROM processed_events WHERE event_id = :v", duplicated)).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM processed_events WHERE event_id = :v", ignored)).isZero();
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE subject = :v AND event_type = 'dev.jumbo.auth.profile-updated.v1'",
                userId)).isEqualTo(2);
    }

    @Test
    void shouldShowStatedNameInProfileWhenEventArrives() throws Exception {
        JsonNode tokens = signup(newEmail());
        String userId = tokens.get("userId").asString();
        ContractExamples.Example example = ContractExamples.load(TOPIC, "preferred-name-stated.v1");
        String name = example.payload().get("preferredName").asString();

        send(example, UUID.randomUUID().toString(), userId, withUser(example, userId, name));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> getProfile(accessToken(tokens))
                .expectBody().jsonPath("$.preferredName").isEqualTo(name));
    }

    @Test
    void shouldDeadLetterEventWhenNameIsNotAValidName() throws Exception {
        JsonNode tokens = signup(newEmail());
        String userId = tokens.get("userId").asString();
        ContractExamples.Example example = ContractExamples.load(TOPIC, "preferred-name-stated.v1");
        String poison = UUID.randomUUID().toString();

        try (TopicReader deadLetters = new TopicReader(kafkaBootstrapServers(), TOPIC + "-dlt")) {
            send(example, poison, userId, withUser(example, userId, "<b>R2D2</b>"));

            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.recordsWithKey(userId).stream()
                    .anyMatch(record -> poison.equals(TopicReader.header(record, "ce_id"))));
        }
        getProfile(accessToken(tokens)).expectBody().jsonPath("$.preferredName").isEmpty();
    }

    @Test
    void shouldIgnoreEventWhenUserDoesNotExist() throws Exception {
        ContractExamples.Example example = ContractExamples.load(TOPIC, "preferred-name-stated.v1");
        String ghost = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        send(example, eventId, ghost, withUser(example, ghost, "Ghost"));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) AS n FROM processed_events WHERE event_id = :v", eventId) == 1);
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE subject = :v", ghost)).isZero();
    }

    private static String withUser(ContractExamples.Example example, String userId, String preferredName) {
        ObjectNode payload = (ObjectNode) example.payload().deepCopy();
        payload.put("userId", userId);
        if (preferredName != null) {
            payload.put("preferredName", preferredName);
        }
        return payload.toString();
    }

    private void send(ContractExamples.Example example, String eventId, String userId, String payload) {
        TestEvents.publish(example, userId, eventId, payload);
    }

    private long count(String sql, String value) {
        return database.sql(sql).bind("v", value).map(row -> row.get("n", Long.class)).one().block();
    }
}
