package dev.jumbo.chat.support;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.jumbo.test.JumboIntegrationTest;
import dev.jumbo.test.SharedInfrastructure;
import dev.jumbo.test.TestJwks;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The one shared setup of chat-service's integration tests: real PostgreSQL and Kafka, the test JWKS, and the
 * memory-service stub ({@link MemoryStubContextCustomizerFactory}); helpers to act as a user.
 */
@JumboIntegrationTest
public abstract class ChatIntegrationTest {

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient database;

    protected final MemoryStub memory = MemoryStub.get();

    /** Generous: on a busy 2-core machine the first turns after startup can take seconds. */
    @BeforeEach
    void allowSlowMachine() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A user who has an access token, with a {@code username} claim when one is given. */
    protected record User(String id, String token) {
    }

    protected static User newUser() {
        return newUser(null);
    }

    protected static User newUser(String username) {
        String id = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = TestJwks.validClaims(id);
        if (username != null) {
            claims.claim("username", username);
        }
        return new User(id, TestJwks.sign(TestJwks.get().currentKey(), claims.build()));
    }

    protected static String kafka() {
        return SharedInfrastructure.kafkaBootstrapServers();
    }

    protected JsonNode greeting(User user) {
        return http.get().uri("/api/v1/chat/greeting").headers(h -> h.setBearerAuth(user.token()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected JsonNode say(User user, String message) {
        return say(user, message, null);
    }

    protected JsonNode say(User user, String message, String conversationId) {
        Map<String, Object> body = conversationId == null ? Map.of("message", message)
                : Map.of("message", message, "conversationId", conversationId);
        return http.post().uri("/api/v1/chat/messages").headers(h -> h.setBearerAuth(user.token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected long count(String sql, String userId) {
        return database.sql(sql).bind("userId", userId).map(row -> row.get(0, Long.class)).one().block();
    }
}
