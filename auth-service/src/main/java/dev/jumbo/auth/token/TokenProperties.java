package dev.jumbo.auth.token;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Access and refresh token lifetimes, and where the signing keys come from.
 *
 * @param accessTtl      lifetime of an access token ({@code JUMBO_JWT_ACCESS_TTL}, 15 min)
 * @param refreshTtl     lifetime of a refresh token ({@code JUMBO_JWT_REFRESH_TTL}, 30 days)
 * @param signingKeys    PEM PKCS#8 RSA private keys ({@code JUMBO_JWT_SIGNING_KEYS}); the first signs, the others
 *                       are only published for verification. Blank: keys are generated and kept in the database.
 * @param keyRotation    age after which a generated key is replaced by a new one ({@code JUMBO_JWT_KEY_ROTATION})
 * @param keyCacheTtl    how long an instance trusts its cached copy of the database keys
 */
@Validated
@ConfigurationProperties("jumbo.auth.tokens")
public record TokenProperties(
        @NotNull Duration accessTtl,
        @NotNull Duration refreshTtl,
        String signingKeys,
        @NotNull Duration keyRotation,
        @NotNull Duration keyCacheTtl) {

    public TokenProperties {
        accessTtl = accessTtl == null ? Duration.ofMinutes(15) : accessTtl;
        refreshTtl = refreshTtl == null ? Duration.ofDays(30) : refreshTtl;
        keyRotation = keyRotation == null ? Duration.ofDays(30) : keyRotation;
        keyCacheTtl = keyCacheTtl == null ? Duration.ofMinutes(1) : keyCacheTtl;
    }

    public boolean keysConfigured() {
        return signingKeys != null && !signingKeys.isBlank();
    }
}
