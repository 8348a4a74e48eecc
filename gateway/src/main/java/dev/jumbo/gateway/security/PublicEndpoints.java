package dev.jumbo.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Which requests the gateway lets through without an access token, and which need one. Everything under
 * {@code /api/v1/**} needs a token except the auth endpoints a client calls to get one; everything outside
 * {@code /api/v1/**} (health, the web client, the API docs, and unknown paths that end in 404) needs none.
 */
public final class PublicEndpoints {

    /** Reachable without a token although under {@code /api/v1/**}. */
    public static final ServerWebExchangeMatcher PUBLIC_API = new OrServerWebExchangeMatcher(List.of(
            post("/api/v1/auth/signup"), post("/api/v1/auth/login"), post("/api/v1/auth/refresh"),
            post("/api/v1/auth/logout"), new PathPatternParserServerWebExchangeMatcher("/api/v1/auth/jwks", HttpMethod.GET)));

    /** The API behind the gateway; all of it needs a valid access token except {@link #PUBLIC_API}. */
    public static final ServerWebExchangeMatcher API = ServerWebExchangeMatchers.pathMatchers("/api/v1/**");

    /** Administration: role {@code admin}; anyone else gets {@code 404}. */
    public static final ServerWebExchangeMatcher ADMIN_API = ServerWebExchangeMatchers.pathMatchers("/api/v1/admin/**");

    private PublicEndpoints() {
    }

    private static ServerWebExchangeMatcher post(String path) {
        return new PathPatternParserServerWebExchangeMatcher(path, HttpMethod.POST);
    }
}
