package dev.jumbo.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token only where the gateway needs it. On public paths (signup, login, refresh, logout,
 * JWKS, health, static files) a stale token a client still sends must not turn the request into a
 * {@code 401}: a client refreshing because its access token expired sends exactly such a token.
 */
final class BearerTokenOnProtectedPathsConverter implements ServerAuthenticationConverter {

    private final ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return PublicEndpoints.API.matches(exchange)
                .filter(api -> api.isMatch())
                .flatMap(api -> PublicEndpoints.PUBLIC_API.matches(exchange))
                .filter(open -> !open.isMatch())
                .flatMap(protectedPath -> bearer.convert(exchange));
    }
}
