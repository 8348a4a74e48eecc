package dev.jumbo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.jumbo.test.TestJwks;
import dev.jumbo.platform.support.PlatformIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class JwtVerificationIntegrationTests extends PlatformIntegrationTest {

    private final TestJwks jwks = TestJwks.get();

    @Test
    void shouldAuthenticateWhenTokenIsValid() {
        String token = TestJwks.sign(jwks.currentKey(), TestJwks.validClaims("user-42").build());
        http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo("user-42");
    }

    @Test
    void shouldRejectWhenTokenIsMissing() {
        expectUnauthorized(null);
    }

    @Test
    void shouldRejectWhenSignatureIsTampered() {
        String token = TestJwks.sign(jwks.currentKey(), TestJwks.validClaims("user-42").build());
        String[] parts = token.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"iss\":\"jumbo\",\"aud\":\"jumbo-api\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));
        expectUnauthorized(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void shouldRejectWhenAlgorithmIsNone() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                TestJwks.validClaims("user-42").build().toString().getBytes(StandardCharsets.UTF_8));
        expectUnauthorized(header + "." + claims + ".");
    }

    @Test
    void shouldRejectWhenSignedWithAnUnknownKey() {
        expectUnauthorized(TestJwks.sign(TestJwks.newKey(), TestJwks.validClaims("user-42").build()));
    }

    @Test
    void shouldRejectWhenTokenIsExpired() {
        JWTClaimsSet expired = TestJwks.validClaims("user-42")
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build();
        expectUnauthorized(TestJwks.sign(jwks.currentKey(), expired));
    }

    @Test
    void shouldRejectWhenAudienceIsWrong() {
        expectUnauthorized(TestJwks.sign(jwks.currentKey(), TestJwks.validClaims("user-42").audience("other-api").build()));
    }

    @Test
    void shouldRejectWhenIssuerIsWrong() {
        expectUnauthorized(TestJwks.sign(jwks.currentKey(), TestJwks.validClaims("user-42").issuer("evil").build()));
    }

    @Test
    void shouldAcceptTokenOfARotatedKeyWhenJwksPublishesIt() {
        String before = TestJwks.sign(jwks.currentKey(), TestJwks.validClaims("user-1").build());
        http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(before)).exchange().expectStatus().isOk();

        RSAKey rotated = jwks.rotate();
        int fetchesBefore = jwks.fetches();
        String after = TestJwks.sign(rotated, TestJwks.validClaims("user-2").build());

        http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(after)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo("user-2");
        assertThat(jwks.fetches()).isGreaterThan(fetchesBefore);
        http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(before)).exchange().expectStatus().isOk();
    }

    @Test
    void shouldFetchJwksAtMostOncePerSecondWhenFloodedWithUnknownKeyIds(@LocalServerPort int port) {
        RSAKey unknown = TestJwks.newKey();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        int fetchesBefore = jwks.fetches();

        List<Integer> statuses = Flux.range(0, 40)
                .map(i -> TestJwks.sign(new RSAKey.Builder(unknown).keyID(UUID.randomUUID().toString()).build(),
                        TestJwks.validClaims("user-" + i).build()))
                .flatMap(token -> client.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token))
                        .exchangeToMono(response -> Mono.just(response.statusCode().value())), 40)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(40).containsOnly(401);
        assertThat(jwks.fetches() - fetchesBefore).isBetween(1, 3);
    }

    @Test
    void shouldAnswerNotFoundWhenUserLacksTheAdminRole() {
        String user = TestJwks.sign(jwks.currentKey(), TestJwks.validClaims("user-42").build());
        http.get().uri("/api/v1/admin/ping").headers(h -> h.setBearerAuth(user)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String admin = TestJwks.sign(jwks.currentKey(),
                TestJwks.validClaims("admin-1").claim("roles", List.of("user", "admin")).build());
        http.get().uri("/api/v1/admin/ping").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk();
    }

    private void expectUnauthorized(String token) {
        http.get().uri("/api/v1/me")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("A valid access token is required.");
    }
}
