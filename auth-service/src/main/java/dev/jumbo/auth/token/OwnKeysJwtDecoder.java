package dev.jumbo.auth.token;

import com.nimbusds.jose.jwk.JWK;
import dev.jumbo.platform.security.JwtProperties;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Verifies access tokens against auth-service's own key store (no HTTP call to itself) with the chassis'
 * validators ({@code exp}, {@code iss}, {@code aud}, {@code sub}), and then checks that the token's login
 * session ({@code sid}) is still active: a revoked session (logout, refresh-token reuse) or a deleted account
 * ends its access tokens here at once. Other services only learn of it when the token expires
 * (deletion reaches them through {@code user-deleted}).
 */
public class OwnKeysJwtDecoder implements ReactiveJwtDecoder {

    private final NimbusReactiveJwtDecoder signatures;
    private final RefreshTokens sessions;

    public OwnKeysJwtDecoder(SigningKeys keys, JwtProperties properties, RefreshTokens sessions) {
        this.sessions = sessions;
        this.signatures = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> {
                    String kid = jwt.getHeader().getKeyID();
                    return kid == null ? Flux.empty() : keys.knowing(kid)
                            .flatMapMany(ring -> Flux.fromStream(ring.find(kid).stream().<JWK>map(SigningKey::publicJwk)));
                })
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Collection<String>>("aud",
                        audiences -> audiences != null && audiences.contains(properties.audience())),
                new JwtClaimValidator<Object>("exp", exp -> exp != null),
                new JwtClaimValidator<Object>("sub", sub -> sub != null),
                new JwtClaimValidator<Object>(AccessTokenIssuer.SESSION_CLAIM, sid -> sid != null));
        signatures.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return signatures.decode(token).flatMap(jwt -> {
            UUID session;
            UUID user;
            try {
                session = UUID.fromString(jwt.getClaimAsString(AccessTokenIssuer.SESSION_CLAIM));
                user = UUID.fromString(jwt.getSubject());
            } catch (IllegalArgumentException e) {
                return Mono.error(new BadJwtException("Malformed sid or sub"));
            }
            return sessions.isSessionActive(session, user)
                    .flatMap(active -> active ? Mono.just(jwt)
                            : Mono.error(new BadJwtException("The session of this token has ended")));
        });
    }
}
