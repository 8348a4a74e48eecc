package dev.jumbo.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service verifies access tokens: keys from the auth-service JWKS (cached, fetched again when a token
 * names an unknown {@code kid}, at most once per {@code jwksRefetchInterval}), and the issuer and audience every
 * token must carry. {@code publicPaths} are reachable without a token (path patterns).
 */
@Validated
@ConfigurationProperties("jumbo.security.jwt")
public record JwtProperties(
        @NotBlank String jwksUri,
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotNull Duration clockSkew,
        List<String> publicPaths,
        Duration jwksRefetchInterval) {

    public JwtProperties {
        jwksRefetchInterval = jwksRefetchInterval == null ? Duration.ofSeconds(1) : jwksRefetchInterval;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
