package dev.jumbo.auth.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.auth.support.AuthIntegrationTest;
import dev.jumbo.test.TopicReader;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccountDeletionIntegrationTests extends AuthIntegrationTest {

    @Test
    void shouldEndAccountTokensAndPublishUserDeletedWhenProfileIsDeleted() {
        String email = newEmail();
        JsonNode tokens = signup(email);
        String userId = tokens.get("userId").asString();
        JsonNode otherSession = login(email, PASSWORD, newClientIp()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        try (TopicReader topic = new TopicReader(kafkaBootstrapServers(), "auth.users.v1")) {
            http.delete().uri("/api/v1/profile").header("Authorization", "Bearer " + accessToken(tokens))
                    .exchange().expectStatus().isAccepted();

            login(email, PASSWORD, newClientIp()).expectStatus().isUnauthorized();
            getProfile(accessToken(tokens)).expectStatus().isUnauthorized();
            getProfile(accessToken(otherSession)).expectStatus().isUnauthorized();
            refresh(refreshToken(otherSession)).expectStatus().isUnauthorized();

            List<ConsumerRecord<String, String>> deleted = await().atMost(Duration.ofSeconds(30))
                    .until(() -> ProfileIntegrationTests.ofType(topic.recordsWithKey(userId), "dev.jumbo.auth.user-deleted.v1"),
                            found -> !found.isEmpty());
            JsonNode payload = JsonMapper.builder().build().readTree(deleted.get(0).value());
            assertThat(payload.get("userId").asString()).isEqualTo(userId);
            assertThat(payload.get("deletedAt").asString()).endsWith("Z");
        }
    }

    @Test
    void shouldAllowSignupAgainWithTheSameEmailWhenAccountWasDeleted() {
        String email = newEmail();
        JsonNode first = signup(email);
        http.delete().uri("/api/v1/profile").header("Authorization", "Bearer " + accessToken(first))
                .exchange().expectStatus().isAccepted();

        JsonNode second = signup(email);

        assertThat(second.get("userId")).isNotEqualTo(first.get("userId"));
    }
}
