package dev.jumbo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.jumbo.gateway.support.FakeServices;
import dev.jumbo.gateway.support.GatewayIntegrationTest;
import dev.jumbo.test.TestJwks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class TokenValidationIntegrationTests extends GatewayIntegrationTest {

    private static final String PROTECTED = "/api/v1/chat/greeting";

    @Test
    void shouldForwardWithAuthorizationUnchangedWhenTokenIsValid() {
        client.get().uri(PROTECTED).header(HttpHeaders.AUTHORIZATION, bearer(userToken))
                .exchange()
                .expectStatus().isOk();

        assertThat(FakeServices.CHAT.received()).singleElement()
                .satisfies(request -> assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(userToken)));
    }

    @Test
    void shouldAnswerUnauthorizedProblemWhenTokenIsMissing() {
        expectUnauthorized(null);
    }

    @Test
    void shouldAnswerUnauthorizedWhenSignatureIsTampered() {
        String[] parts = userToken.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"user\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        assertThat(otherPayload).isNotEqualTo(parts[1]);

        expectUnauthorized(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void shouldAnswerUnauthorizedWhenTokenIsUnsignedWithAlgNone() {
        expectUnauthorized(new PlainJWT(TestJwks.validClaims(userId).build()).serialize());
    }

    @Test
    void shouldAnswerUnauthorizedWhenTokenIsSignedWithUnknownKey() {
        expectUnauthorized(TestJwks.sign(TestJwks.newKey(), TestJwks.validClaims(userId).build()));
    }

    @Test
    void shouldAnswerUnauthorizedWhenTokenIsExpired() {
        Instant issued = Instant.now().minusSeconds(3600);
        JWTClaimsSet expired = TestJwks.validClaims(userId).issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plusSeconds(900))).build();

        expectUnauthorized(TestJwks.sign(TestJwks.get().currentKey(), expired));
    }

    @Test
    void shouldAnswerUnauthorizedWhenAudienceIsWrong() {
        expectUnauthorized(TestJwks.sign(TestJwks.get().currentKey(),
                TestJwks.validClaims(userId).audience("some-other-api").build()));
    }

    @Test
    void shouldAnswerUnauthorizedWhenIssuerIsWrong() {
        expectUnauthorized(TestJwks.sign(TestJwks.get().currentKey(),
                TestJwks.validClaims(userId).issuer("someone-else").build()));
    }

    @Test
    void shouldAnswerUnauthorizedWhenTokenIsNotAJwt() {
        expectUnauthorized("not-a-token");
    }

    @Test
    void shouldAcceptTokenOfRotatedKeyWhenJwksPublishesIt() {
        int fetchesBefore = TestJwks.get().fetches();
        String token = TestJwks.sign(TestJwks.get().rotate(), TestJwks.validClaims(userId).build());

        client.get().uri(PROTECTED).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk();
        assertThat(TestJwks.get().fetches()).as("the unknown kid made the gateway fetch the JWKS again")
                .isGreaterThan(fetchesBefore);
    }

    @Test
    void shouldNotFetchJwksAgainWhenKeyIsKnown() {
        asUser().get().uri(PROTECTED).exchange().expectStatus().isOk();
        int fetches = TestJwks.get().fetches();

        asUser().get().uri(PROTECTED).exchange().expectStatus().isOk();
        asUser().get().uri("/api/v1/memories").exchange().expectStatus().isOk();

        assertThat(TestJwks.get().fetches()).isEqualTo(fetches);
    }

    @Test
    void shouldAnswerNotFoundWhenUserWithoutAdminRoleCallsAdminApi() {
        asUser().get().uri("/api/v1/admin/jobs")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://jumbo.dev/problems/not-found");

        assertThat(FakeServices.MAINTENANCE.received()).isEmpty();
    }

    @Test
    void shouldAnswerUnauthorizedWhenAnonymousCallerCallsAdminApi() {
        client.get().uri("/api/v1/admin/jobs").exchange().expectStatus().isUnauthorized();

        assertThat(FakeServices.MAINTENANCE.received()).isEmpty();
    }

    @Test
    void shouldForwardWhenAdminCallsAdminApi() {
        asAdmin().get().uri("/api/v1/admin/jobs").exchange().expectStatus().isOk();

        assertThat(FakeServices.MAINTENANCE.received()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /api/v1/auth/signup", "POST, /api/v1/auth/login", "POST, /api/v1/auth/refresh",
            "POST, /api/v1/auth/logout", "GET, /api/v1/auth/jwks"})
    void shouldForwardWithoutTokenWhenEndpointIsPublic(String method, String path) {
        client.method(HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Fake-Service", "auth");
    }

    @Test
    void shouldForwardRefreshWhenClientStillSendsItsExpiredAccessToken() {
        Instant issued = Instant.now().minusSeconds(3600);
        String expired = TestJwks.sign(TestJwks.get().currentKey(), TestJwks.validClaims(userId)
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(900))).build());

        client.post().uri("/api/v1/auth/refresh").header(HttpHeaders.AUTHORIZATION, bearer(expired))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"refreshToken\":\"r\"}")
                .exchange()
                .expectStatus().isOk();
        assertThat(FakeServices.AUTH.received()).singleElement()
                .satisfies(request -> assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(expired)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/auth/signup", "/api/v1/auth/whoami", "/api/v1/profile", "/api/v1/does-not-exist"})
    void shouldAnswerUnauthorizedWhenApiPathIsNotPublicForThisMethod(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        FakeServices.all().forEach(service -> assertThat(service.received()).as(service.name()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/users/1", "/actuator/env", "/api/v2/chat/greeting", "/anything",
            "/assets/index-abc123.js", "/no-such-file.ico"})
    void shouldAnswerNotFoundNotUnauthorizedWhenPathOutsideApiIsUnknown(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void expectUnauthorized(String token) {
        var request = client.get().uri(PROTECTED);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, bearer(token));
        }
        request.exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("https://jumbo.dev/problems/unauthorized")
                .jsonPath("$.instance").isEqualTo(PROTECTED)
                .jsonPath("$.traceId").isNotEmpty();

        assertThat(FakeServices.CHAT.received()).as("the service never sees a request without a valid token").isEmpty();
    }
}
