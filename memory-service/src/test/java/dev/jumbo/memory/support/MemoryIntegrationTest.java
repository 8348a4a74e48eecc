package dev.jumbo.memory.support;

import static org.awaitility.Awaitility.await;

import dev.jumbo.test.ContractExamples;
import dev.jumbo.test.JumboIntegrationTest;
import dev.jumbo.test.TestEvents;
import dev.jumbo.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shared set-up of memory-service's integration tests: one Spring context (same annotation, no extra config),
 * a plain Kafka producer that publishes events the way chat-service and auth-service do (CloudEvents headers as
 * in contracts/events), and helpers to call the API as a user.
 */
@JumboIntegrationTest
public abstract class MemoryIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient database;


    protected static String newUser() {
        return UUID.randomUUID().toString();
    }

    /** Publishes a message-received event for {@code text} as chat-service would; returns its message id. */
    protected UUID say(String userId, String text) {
        return say(userId, text, Instant.now(), "neutral", 0.0, List.of());
    }

    protected UUID say(String userId, String text, Instant at, String label, double valence, List<String> emotions) {
        ContractExamples.Example example = ContractExamples.load("chat.conversations.v1", "message-received.v1");
        UUID messageId = UUID.randomUUID();
        ObjectNode payload = (ObjectNode) example.payload().deepCopy();
        payload.put("userId", userId);
        payload.put("conversationId", UUID.randomUUID().toString());
        payload.put("messageId", messageId.toString());
        payload.put("text", text);
        payload.put("receivedAt", at.toString());
        ObjectNode mood = (ObjectNode) payload.get("summary").get("mood");
        mood.put("label", label);
        mood.put("valence", valence);
        mood.set("emotions", JSON.valueToTree(emotions));
        publish(example, userId, UUID.randomUUID().toString(), JSON.writeValueAsString(payload));
        return messageId;
    }

    protected void publish(ContractExamples.Example example, String userId, String eventId, String payload) {
        TestEvents.publish(example, userId, eventId, payload);
    }

    /** Says each statement in turn, waiting until each message has been consumed (its mood entry exists). */
    protected void sayAll(String userId, List<String> statements) {
        for (String statement : statements) {
            UUID messageId = say(userId, statement);
            awaitConsumed(messageId);
        }
    }

    protected void awaitConsumed(UUID messageId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> count(
                "SELECT count(*) AS n FROM mood_entries WHERE message_id = :v", messageId) == 1);
    }

    protected long count(String sql, Object value) {
        return database.sql(sql).bind("v", value).map(row -> row.get("n", Long.class)).one().block();
    }

    protected String bearer(String userId) {
        return "Bearer " + TestJwks.tokenFor(userId);
    }

    /** The memories recall returns for {@code question}. */
    protected List<JsonNode> recall(String userId, String question) {
        byte[] body = http.post().uri("/internal/v1/recall")
                .header("Authorization", bearer(userId))
                .bodyValue(Map.of("question", question, "limit", 5))
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode memories = JSON.readTree(body).get("memories");
        return memories.valueStream().toList();
    }

    /** Everything recall returned, as one string of values and texts, for contains-checks. */
    protected static String recalledValues(List<JsonNode> memories) {
        StringBuilder out = new StringBuilder();
        for (JsonNode memory : memories) {
            memory.get("values").valueStream().forEach(v -> out.append(v.asString()).append(" | "));
        }
        return out.toString();
    }

    protected JsonNode getJson(String userId, String uri) {
        byte[] body = http.get().uri(uri).header("Authorization", bearer(userId)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    protected List<JsonNode> memoriesOf(String userId) {
        return getJson(userId, "/api/v1/memories").get("items").valueStream().toList();
    }
}
