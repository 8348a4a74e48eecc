package dev.jumbo.auth.token;

import dev.jumbo.platform.security.JwtProperties;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Signs access tokens: RS256 with {@code kid}; claims {@code iss}, {@code aud}, {@code sub} (user id), {@code iat},
 * {@code exp}, {@code jti}, {@code roles}, and {@code sid}, the login session (refresh-token family) it belongs to,
 * which lets auth-service refuse the tokens of a revoked session or a deleted account.
 */
public class AccessTokenIssuer {

    public static final String SESSION_CLAIM = "sid";
    public static final String ROLES_CLAIM = "roles";

    private final SigningKeys keys;
    private final JwtProperties jwt;
    private final TokenProperties tokens;
    private final Clock clock;

    public AccessTokenIssuer(SigningKeys keys, JwtProperties jwt, TokenProperties tokens, Clock clock) {
        this.keys = keys;
        this.jwt = jwt;
        this.tokens = tokens;
        this.clock = clock;
    }

    public Mono<String> issue(UUID userId, UUID sessionId, List<String> roles) {
        return keys.current().map(ring -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            return Jwts.builder()
                    .header().keyId(ring.signer().kid()).type("JWT").and()
                    .issuer(jwt.issuer())
                    .audience().add(jwt.audience()).and()
                    .subject(userId.toString())
                    .issuedAt(Date.from(now))
                    .expiration(Date.from(now.plus(tokens.accessTtl())))
                    .id(UUID.randomUUID().toString())
                    .claim(ROLES_CLAIM, roles)
                    .claim(SESSION_CLAIM, sessionId.toString())
                    .signWith(ring.signer().privateKey(), Jwts.SIG.RS256)
                    .compact();
        });
    }

    public long expiresInSeconds() {
        return tokens.accessTtl().toSeconds();
    }
}
