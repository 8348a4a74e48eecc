package dev.jumbo.auth.support;

import dev.jumbo.test.JumboIntegrationTest;
import dev.jumbo.test.SharedInfrastructure;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The one Spring context of auth-service's integration tests, and helpers to act as a client would. */
@JumboIntegrationTest
public abstract class AuthIntegrationTest {

    /** Not on the common-password list, long enough. */
    protected static final String PASSWORD = "violet-Harbour-7-kites";

    @Autowired
    protected WebTestClient http;

    protected static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** A made-up client address (documentation range) sent as X-Forwarded-For, so tests don't share an IP budget. */
    protected static String newClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    protected static String kafkaBootstrapServers() {
        return SharedInfrastructure.kafkaBootstrapServers();
    }

    protected JsonNode signup(String email) {
        return http.post().uri("/api/v1/auth/signup")
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec login(String email, String password, String clientIp) {
        return http.post().uri("/api/v1/auth/login")
                .header("X-Forwarded-For", clientIp)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    protected WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/v1/auth/refresh").bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    protected WebTestClient.ResponseSpec getProfile(String accessToken) {
        return http.get().uri("/api/v1/profile")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    protected static String accessToken(JsonNode tokens) {
        return tokens.get("accessToken").asString();
    }

    protected static String refreshToken(JsonNode tokens) {
        return tokens.get("refreshToken").asString();
    }
}
