package dev.jumbo.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.auth.support.AuthIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class LoginIntegrationTests extends AuthIntegrationTest {

    @Test
    void shouldAnswerTokensWhenCredentialsAreRight() {
        String email = newEmail();
        JsonNode registered = signup(email);

        JsonNode tokens = login("  " + email.toUpperCase() + " ", PASSWORD, newClientIp())
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(tokens.get("userId")).isEqualTo(registered.get("userId"));
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(refreshToken(tokens)).isNotEqualTo(refreshToken(registered));
        getProfile(accessToken(tokens)).expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo(registered.get("userId").asString());
    }

    @Test
    void shouldAnswerTheSameUnauthorizedBodyWhenEmailIsUnknownOrPasswordWrong() {
        String email = newEmail();
        signup(email);

        JsonNode wrongPassword = login(email, "not-the-password-9", newClientIp())
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode unknownEmail = login(newEmail(), "not-the-password-9", newClientIp())
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(((ObjectNode) wrongPassword).without("traceId"))
                .isEqualTo(((ObjectNode) unknownEmail).without("traceId"));
        assertThat(wrongPassword.get("status").asInt()).isEqualTo(401);
    }

    @Test
    void shouldLockAccountWithRetryAfterWhenWrongPasswordsBurst() {
        String email = newEmail();
        signup(email);

        for (int attempt = 1; attempt <= 5; attempt++) {
            login(email, "wrong-password-" + attempt, newClientIp()).expectStatus().isUnauthorized();
        }

        login(email, "wrong-password-6", newClientIp())
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
                        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // locked even for the right password, so guessing cannot go on
        login(email, PASSWORD, newClientIp()).expectStatus().isEqualTo(429);
    }

    @Test
    void shouldResetAccountFailuresWhenLoginSucceeds() {
        String email = newEmail();
        signup(email);
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(email, "wrong-password-" + attempt, newClientIp()).expectStatus().isUnauthorized();
        }

        login(email, PASSWORD, newClientIp()).expectStatus().isOk();

        login(email, "wrong-password-5", newClientIp()).expectStatus().isUnauthorized();
        login(email, PASSWORD, newClientIp()).expectStatus().isOk();
    }

    @Test
    void shouldLockClientIpWhenItFailsOnManyAccounts() {
        String ip = newClientIp();
        String otherIp = newClientIp();
        String email = newEmail();
        signup(email);

        // application-test.yml: 10 failures per IP
        for (int attempt = 1; attempt <= 10; attempt++) {
            login(newEmail(), "wrong-password", ip).expectStatus().isUnauthorized();
        }

        login(email, PASSWORD, ip).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        login(email, PASSWORD, otherIp).expectStatus().isOk();
    }

    @Test
    void shouldRejectLoginWithoutPassword() {
        http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", newEmail()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }
}
