package dev.jumbo.gateway.routing;

import dev.jumbo.platform.web.ProblemException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers {@code 404} for paths with dot segments ({@code ..}, {@code %2e%2e}, {@code ..;x}) or encoded
 * slashes. The gateway forwards paths verbatim, so {@code /api/v1/chat/../../internal/users} matches the
 * chat route; a service (or anything in between) that normalizes paths would then serve an endpoint that
 * API.md says is not reachable through the gateway.
 */
@Component
public class DotSegmentRejectingWebFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (PathContainer.Element element : exchange.getRequest().getPath().elements()) {
            if (element instanceof PathContainer.PathSegment segment && isSuspicious(segment)) {
                return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                        "No such resource."));
            }
        }
        return chain.filter(exchange);
    }

    private static boolean isSuspicious(PathContainer.PathSegment segment) {
        // valueToMatch is decoded and without ;parameters, so "%2e%2e" and "..;x" both read ".."
        String decoded = segment.valueToMatch();
        String lowerCase = decoded.toLowerCase(Locale.ROOT);
        return ".".equals(decoded) || "..".equals(decoded)
                || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0
                // double-encoded dot, slash or backslash ("%252e")
                || lowerCase.contains("%2e") || lowerCase.contains("%2f") || lowerCase.contains("%5c");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
