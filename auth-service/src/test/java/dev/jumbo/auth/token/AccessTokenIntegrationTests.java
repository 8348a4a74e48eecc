package dev.jumbo.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.jumbo.auth.support.AuthIntegrationTest;
import dev.jumbo.auth.support.AuthTestEnvironment;
import dev.jumbo.test.TestJwks;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AccessTokenIntegrationTests extends AuthIntegrationTest {

    @Autowired
    SigningKeys signingKeys;

    @Test
    void shouldSignRs256TokenWithKidAndSpecifiedClaimsWhenUserSignsUp() throws Exception {
        JsonNode tokens = signup(newEmail());
        JWKSet jwks = jwks();

        Jws<Claims> jws = parse(accessToken(tokens), jwks);

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo("RS256");
        assertThat(jws.getHeader().getKeyId()).isNotBlank();
        Claims claims = jws.getPayload();
        assertThat(claims.getIssuer()).isEqualTo("jumbo");
        assertThat(claims.getAudience()).containsExactly("jumbo-api");
        assertThat(claims.getSubject()).isEqualTo(tokens.get("userId").asString());
        assertThat(claims.getExpiration().getTime() - claims.getIssuedAt().getTime()).isEqualTo(900_000L);
        assertThat(UUID.fromString(claims.getId())).isNotNull();
        assertThat(claims.get("roles")).isEqualTo(java.util.List.of("user"));
    }

    @Test
    void shouldPublishOnlyPublicRsaKeysWhenJwksIsRequestedAnonymously() {
        http.get().uri("/api/v1/auth/jwks").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].alg").isEqualTo("RS256")
                .jsonPath("$.keys[0].use").isEqualTo("sig")
                .jsonPath("$.keys[0].kid").exists()
                .jsonPath("$.keys[0].n").exists()
                .jsonPath("$.keys[0].e").exists()
                .jsonPath("$.keys[0].d").doesNotExist()
                .jsonPath("$.keys[0].p").doesNotExist();
    }

    @Test
    void shouldRejectTokenSignedByUnknownKeyEvenWithValidClaims() {
        JsonNode tokens = signup(newEmail());
        String foreign = TestJwks.tokenFor(tokens.get("userId").asString(), "user", "admin");

        getProfile(foreign).expectStatus().isUnauthorized();
    }

    @Test
    void shouldRejectTamperedOrMissingToken() {
        JsonNode tokens = signup(newEmail());
        String token = accessToken(tokens);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        getProfile(tampered).expectStatus().isUnauthorized();
        http.get().uri("/api/v1/profile").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldKeepOldKeyPublishedAndOldTokensValidWhenKeyRotates() throws Exception {
        JsonNode before = signup(newEmail());
        String oldKid = parse(accessToken(before), jwks()).getHeader().getKeyId();

        ((DatabaseSigningKeys) signingKeys).rotateNow().block();

        JsonNode after = signup(newEmail());
        JWKSet jwks = jwks();
        String newKid = parse(accessToken(after), jwks).getHeader().getKeyId();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(jwks.getKeys()).extracting(key -> key.getKeyID()).contains(oldKid, newKid);
        getProfile(accessToken(before)).expectStatus().isOk();
        getProfile(accessToken(after)).expectStatus().isOk();
    }

    @Test
    void shouldIssueAdminRoleAtRefreshWhenConfiguredAdminRefreshes() {
        // the admin test account may exist already (signup test); log in or sign up, then refresh
        JsonNode tokens = http.post().uri("/api/v1/auth/signup")
                .bodyValue(Map.of("email", AuthTestEnvironment.ADMIN_EMAIL, "password", PASSWORD))
                .exchange().returnResult(JsonNode.class).getResponseBody().blockFirst();
        if (tokens == null || tokens.get("refreshToken") == null) {
            tokens = login(AuthTestEnvironment.ADMIN_EMAIL, PASSWORD, newClientIp()).expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
        }

        JsonNode refreshed = refresh(refreshToken(tokens)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        getProfile(accessToken(refreshed)).expectBody().jsonPath("$.roles[1]").isEqualTo("admin");
    }

    private JWKSet jwks() throws Exception {
        String body = http.get().uri("/api/v1/auth/jwks").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JWKSet.parse(body);
    }

    private static Jws<Claims> parse(String token, JWKSet jwks) {
        return Jwts.parser()
                .keyLocator(header -> {
                    String kid = ((io.jsonwebtoken.ProtectedHeader) header).getKeyId();
                    try {
                        RSAPublicKey key = ((RSAKey) jwks.getKeyByKeyId(kid)).toRSAPublicKey();
                        return key;
                    } catch (Exception e) {
                        throw new SignatureException("unknown kid " + kid, e);
                    }
                })
                .requireIssuer("jumbo")
                .build()
                .parseSignedClaims(token);
    }
}
