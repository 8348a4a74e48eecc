package dev.jumbo.auth.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.auth.support.AuthIntegrationTest;
import dev.jumbo.test.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProfileIntegrationTests extends AuthIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldChangePreferredNameAndPublishProfileUpdatedWhenNameIsValid() {
        JsonNode tokens = signup(newEmail());
        String userId = tokens.get("userId").asString();

        try (TopicReader topic = new TopicReader(kafkaBootstrapServers(), "auth.users.v1")) {
            patchName(accessToken(tokens), "  Jean-Luc  O'Neill ")
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.userId").isEqualTo(userId)
                    .jsonPath("$.preferredName").isEqualTo("Jean-Luc O'Neill")
                    .jsonPath("$.username").isEqualTo(tokens.get("username").asString());

            getProfile(accessToken(tokens)).expectBody().jsonPath("$.preferredName").isEqualTo("Jean-Luc O'Neill");
            List<ConsumerRecord<String, String>> updates = await().atMost(Duration.ofSeconds(30))
                    .until(() -> ofType(topic.recordsWithKey(userId), "dev.jumbo.auth.profile-updated.v1"),
                            found -> !found.isEmpty());
            JsonNode payload = JSON.readTree(updates.get(0).value());
            assertThat(payload.get("preferredName").asString()).isEqualTo("Jean-Luc O'Neill");
            assertThat(payload.get("userId").asString()).isEqualTo(userId);
        }
    }

    @Test
    void shouldAcceptNamesOfAnyScriptWhenPatched() {
        String token = accessToken(signup(newEmail()));
        for (String name : List.of("Zoë", "हर्ष", "José María", "Dr. Ng")) {
            patchName(token, name).expectStatus().isOk().expectBody().jsonPath("$.preferredName").isEqualTo(name);
        }
    }

    @Test
    void shouldRejectWithFieldErrorWhenNameIsInvalid() {
        String token = accessToken(signup(newEmail()));
        for (String name : List.of("", "   ", "R2D2", "<script>", "a".repeat(51), "Bob!")) {
            patchName(token, name)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("preferredName");
        }
        http.patch().uri("/api/v1/profile").header("Authorization", "Bearer " + token).bodyValue(Map.of())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldOnlyEverShowOrChangeTheTokenOwnersProfile() {
        JsonNode x = signup(newEmail());
        JsonNode y = signup(newEmail());

        patchName(accessToken(x), "Xavier").expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo(x.get("userId").asString());

        getProfile(accessToken(x)).expectBody()
                .jsonPath("$.userId").isEqualTo(x.get("userId").asString())
                .jsonPath("$.preferredName").isEqualTo("Xavier");
        getProfile(accessToken(y)).expectBody()
                .jsonPath("$.userId").isEqualTo(y.get("userId").asString())
                .jsonPath("$.preferredName").isEmpty();
        // an id in the query or path changes nothing: there is no way to name another user
        http.get().uri("/api/v1/profile?userId=" + y.get("userId").asString())
                .header("Authorization", "Bearer " + accessToken(x))
                .exchange().expectBody().jsonPath("$.userId").isEqualTo(x.get("userId").asString());
        http.get().uri("/api/v1/profile/" + y.get("userId").asString())
                .header("Authorization", "Bearer " + accessToken(x))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldAnswerProfileShapeOfTheContract() {
        String email = newEmail();
        JsonNode tokens = signup(email);

        JsonNode profile = getProfile(accessToken(tokens)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(profile.propertyNames()).containsExactlyInAnyOrder(
                "userId", "email", "username", "preferredName", "roles", "createdAt");
        assertThat(profile.get("preferredName").isNull()).isTrue();
        assertThat(profile.get("createdAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec patchName(String token, String name) {
        return http.patch().uri("/api/v1/profile")
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("preferredName", name))
                .exchange();
    }

    static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream().filter(record -> type.equals(TopicReader.header(record, "ce_type"))).toList();
    }
}
