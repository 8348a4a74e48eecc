package dev.jumbo.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.auth.support.AuthIntegrationTest;
import dev.jumbo.auth.support.AuthTestEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

class SignupIntegrationTests extends AuthIntegrationTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void shouldAnswerTokensAndDefaultUsernameWhenSignupIsValid() {
        String email = "john.doe-" + UUID.randomUUID() + "@Example.COM";

        JsonNode tokens = http.post().uri("/api/v1/auth/signup")
                .bodyValue(Map.of("email", "  " + email + " ", "password", PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(tokens.get("userId").asString()).satisfies(id -> assertThat(UUID.fromString(id)).isNotNull());
        assertThat(tokens.get("username").asString()).isEqualTo(email.substring(0, email.indexOf('@')));
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(accessToken(tokens)).contains(".");
        assertThat(refreshToken(tokens)).matches("[A-Za-z0-9_-]{43}");

        JsonNode profile = getProfile(accessToken(tokens)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(profile.get("email").asString())
                .isEqualTo(email.substring(0, email.indexOf('@')) + "@example.com");
        assertThat(profile.get("preferredName").isNull()).isTrue();
        assertThat(profile.get("roles").values()).extracting(JsonNode::asString).containsExactly("user");
    }

    @Test
    void shouldUseGivenUsernameWhenSignupNamesOne() {
        JsonNode tokens = http.post().uri("/api/v1/auth/signup")
                .bodyValue(Map.of("email", newEmail(), "password", PASSWORD, "username", "harsha_k"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(tokens.get("username").asString()).isEqualTo("harsha_k");
    }

    @Test
    void shouldRejectWithFieldErrorsWhenEmailOrPasswordIsInvalid() {
        http.post().uri("/api/v1/auth/signup")
                .bodyValue(Map.of("email", "not-an-email", "password", "short1"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')].message").isEqualTo("must be at least 8 characters long");
    }

    @Test
    void shouldRejectWhenPasswordIsCommonlyUsed() {
        for (String common : List.of("password123", "Qwerty123", "iloveyou1", "12345678")) {
            http.post().uri("/api/v1/auth/signup")
                    .bodyValue(Map.of("email", newEmail(), "password", common))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("password")
                    .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("commonly used"));
        }
    }

    @Test
    void shouldAnswerConflictWhenEmailIsTakenInAnyCase() {
        String email = newEmail();
        signup(email);

        http.post().uri("/api/v1/auth/signup")
                .bodyValue(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldLetExactlyOneWinWhenTheSameEmailSignsUpConcurrently() {
        String email = newEmail();
        WebClient client = WebClient.create("http://localhost:" + port);

        List<Integer> statuses = Flux.range(0, 4)
                .flatMap(i -> client.post().uri("/api/v1/auth/signup")
                        .bodyValue(Map.of("email", i % 2 == 0 ? email : email.toUpperCase(), "password", PASSWORD))
                        .exchangeToMono(response -> Mono.just(response.statusCode().value())))
                .collectList().block();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
    }

    @Test
    void shouldGrantNoRoleWhenSignupBodyAsksForOne() {
        JsonNode tokens = http.post().uri("/api/v1/auth/signup")
                .bodyValue(Map.of("email", newEmail(), "password", PASSWORD, "roles", List.of("admin")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        getProfile(accessToken(tokens)).expectStatus().isOk()
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("user"));
    }

    @Test
    void shouldGrantAdminWhenEmailIsConfiguredAsAdmin() {
        JsonNode tokens = signup(AuthTestEnvironment.ADMIN_EMAIL);

        getProfile(accessToken(tokens)).expectStatus().isOk()
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("user", "admin"));
        JsonNode relogged = login(AuthTestEnvironment.ADMIN_EMAIL.toLowerCase(), PASSWORD, newClientIp())
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        getProfile(accessToken(relogged)).expectBody().jsonPath("$.roles").isEqualTo(List.of("user", "admin"));
    }
}
