package dev.jumbo.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jumbo.platform.security.JwtProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SigningKeyTests {

    private static final SigningKey FIRST = SigningKey.generate();
    private static final SigningKey SECOND = SigningKey.generate();

    @Test
    void shouldKeepKidAndKeyWhenWrittenAsPemAndReadBack() {
        SigningKey read = SigningKey.fromPem(FIRST.privateKeyPem());

        assertThat(read.kid()).isEqualTo(FIRST.kid());
        assertThat(read.publicKey()).isEqualTo(FIRST.publicKey());
        assertThat(FIRST.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void shouldReadEveryKeyInOrderWhenSeveralPemBlocksAreConfigured() {
        String configured = SECOND.privateKeyPem() + "\n" + FIRST.privateKeyPem();

        ConfiguredSigningKeys keys = new ConfiguredSigningKeys(configured);

        KeyRing ring = keys.current().block();
        assertThat(ring.signer().kid()).isEqualTo(SECOND.kid());
        assertThat(ring.published()).extracting(SigningKey::kid).containsExactly(SECOND.kid(), FIRST.kid());
    }

    @Test
    void shouldAcceptEscapedNewlinesWhenKeyComesFromOneLineVariable() {
        String oneLine = FIRST.privateKeyPem().replace("\n", "\\n");

        assertThat(new ConfiguredSigningKeys(oneLine).current().block().signer().kid()).isEqualTo(FIRST.kid());
    }

    @Test
    void shouldRefuseWhenNoPrivateKeyIsConfigured() {
        assertThatThrownBy(() -> new ConfiguredSigningKeys("not a key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPublishOnlyThePublicHalfWhenAsJwk() {
        var jwk = FIRST.publicJwk().toJSONObject();

        assertThat(jwk).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("use", "sig")
                .containsEntry("kid", FIRST.kid()).containsKeys("n", "e").doesNotContainKeys("d", "p", "q");
    }

    @Test
    void shouldSignWithFirstConfiguredKeyWhenIssuing() {
        ConfiguredSigningKeys keys = new ConfiguredSigningKeys(SECOND.privateKeyPem() + FIRST.privateKeyPem());
        JwtProperties jwt = new JwtProperties("http://unused", "jumbo", "jumbo-api", Duration.ofSeconds(30), List.of(), null);
        TokenProperties tokens = new TokenProperties(Duration.ofMinutes(15), Duration.ofDays(30), null, Duration.ofDays(30), Duration.ofMinutes(1));
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, jwt, tokens, Clock.systemUTC());
        UUID user = UUID.randomUUID();

        String token = issuer.issue(user, UUID.randomUUID(), List.of("user")).block();

        var jws = Jwts.parser().verifyWith(SECOND.publicKey()).build().parseSignedClaims(token);
        Claims claims = jws.getPayload();
        assertThat(jws.getHeader().getKeyId()).isEqualTo(SECOND.kid());
        assertThat(claims.getSubject()).isEqualTo(user.toString());
        assertThat(claims.getExpiration().toInstant().getEpochSecond() - claims.getIssuedAt().toInstant().getEpochSecond())
                .isEqualTo(900);
    }
}
