package dev.jumbo.auth.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.auth.support.AuthIntegrationTest;
import dev.jumbo.test.TopicReader;
import dev.jumbo.test.ContractExamples;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Producer side of the contract: what auth-service publishes has the fields, types and headers of the examples. */
class UserEventsContractIntegrationTests extends AuthIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldPublishEveryUserEventAsTheContractExamplesShowWhenAccountLives() {
        JsonNode tokens = signup(newEmail());
        String userId = tokens.get("userId").asString();
        String bearer = "Bearer " + accessToken(tokens);
        http.patch().uri("/api/v1/profile").header("Authorization", bearer)
                .bodyValue(Map.of("preferredName", "Harsha")).exchange().expectStatus().isOk();
        http.delete().uri("/api/v1/profile").header("Authorization", bearer).exchange().expectStatus().isAccepted();

        try (TopicReader topic = new TopicReader(kafkaBootstrapServers(), UserEvents.TOPIC)) {
            var records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.recordsWithKey(userId), found -> found.size() >= 3);

            assertThat(records).extracting(record -> TopicReader.header(record, "ce_type")).containsExactly(
                    UserEvents.USER_REGISTERED, UserEvents.PROFILE_UPDATED, UserEvents.USER_DELETED);
            assertMatches(records.get(0), "user-registered.v1", userId);
            assertMatches(records.get(1), "profile-updated.v1", userId);
            assertMatches(records.get(2), "user-deleted.v1", userId);
        }
    }

    private static void assertMatches(ConsumerRecord<String, String> record, String event, String userId) {
        ContractExamples.Example example = ContractExamples.load(UserEvents.TOPIC, event);
        JsonNode payload = JSON.readTree(record.value());

        assertThat(shape(payload)).as(event + " payload fields and types").isEqualTo(shape(example.payload()));
        assertThat(payload.get("userId").asString()).isEqualTo(userId);
        assertThat(record.key()).isEqualTo(userId);
        for (String header : example.headers().keySet()) {
            String expected = header.equals("ce_subject") ? userId : example.headers().get(header);
            assertThat(TopicReader.header(record, header)).as(header).isEqualTo(expected);
        }
        assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
        assertThat(TopicReader.header(record, "__TypeId__")).isNull();
    }

    /** Field name → JSON type; a null in the example may be a string in what we publish (optional names). */
    private static Map<String, String> shape(JsonNode payload) {
        Map<String, String> shape = new TreeMap<>();
        payload.properties().forEach(field -> shape.put(field.getKey(),
                field.getValue().isNull() || field.getValue().isString() ? "string-or-null" : field.getValue().getNodeType().name()));
        return shape;
    }
}
