package dev.jumbo.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.auth.support.AuthIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

class RefreshTokenIntegrationTests extends AuthIntegrationTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void shouldIssueNewTokensAndSpendOldRefreshTokenWhenRefreshed() {
        JsonNode first = signup(newEmail());

        JsonNode second = refresh(refreshToken(first)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(second.get("userId")).isEqualTo(first.get("userId"));
        assertThat(second.get("username")).isEqualTo(first.get("username"));
        assertThat(refreshToken(second)).isNotEqualTo(refreshToken(first));
        assertThat(second.get("expiresIn").asLong()).isEqualTo(900);
        getProfile(accessToken(second)).expectStatus().isOk();
    }

    @Test
    void shouldRevokeWholeSessionWhenSpentRefreshTokenIsPresentedAgain() {
        JsonNode a = signup(newEmail());
        JsonNode b = refresh(refreshToken(a)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        refresh(refreshToken(a)).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        refresh(refreshToken(b)).expectStatus().isUnauthorized();
        // the access tokens of that session stop working here too
        getProfile(accessToken(b)).expectStatus().isUnauthorized();
        getProfile(accessToken(a)).expectStatus().isUnauthorized();
    }

    @Test
    void shouldLeaveOtherSessionsAloneWhenOneSessionIsRevoked() {
        String email = newEmail();
        JsonNode phone = signup(email);
        JsonNode laptop = login(email, PASSWORD, newClientIp()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        refresh(refreshToken(phone)).expectStatus().isOk();
        refresh(refreshToken(phone)).expectStatus().isUnauthorized();

        refresh(refreshToken(laptop)).expectStatus().isOk();
    }

    @Test
    void shouldHonourOnlyOneWhenTheSameRefreshTokenIsPresentedConcurrently() {
        JsonNode tokens = signup(newEmail());
        WebClient client = WebClient.create("http://localhost:" + port);

        List<Integer> statuses = Flux.range(0, 2)
                .flatMap(i -> client.post().uri("/api/v1/auth/refresh")
                        .bodyValue(Map.of("refreshToken", refreshToken(tokens)))
                        .exchangeToMono(response -> Mono.just(response.statusCode().value())))
                .collectList().block();

        assertThat(statuses).containsExactlyInAnyOrder(200, 401);
    }

    @Test
    void shouldAnswerUnauthorizedWhenRefreshTokenIsUnknown() {
        refresh("this-token-was-never-issued-by-auth-service-000").expectStatus().isUnauthorized();
    }

    @Test
    void shouldEndSessionWhenLoggingOut() {
        JsonNode tokens = signup(newEmail());

        http.post().uri("/api/v1/auth/logout").bodyValue(Map.of("refreshToken", refreshToken(tokens)))
                .exchange().expectStatus().isNoContent();

        refresh(refreshToken(tokens)).expectStatus().isUnauthorized();
        getProfile(accessToken(tokens)).expectStatus().isUnauthorized();
    }

    @Test
    void shouldAnswerNoContentWhenLoggingOutWithUnknownToken() {
        http.post().uri("/api/v1/auth/logout").bodyValue(Map.of("refreshToken", "unknown-refresh-token"))
                .exchange().expectStatus().isNoContent();
    }
}
