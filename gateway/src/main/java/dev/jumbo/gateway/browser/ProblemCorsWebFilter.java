package dev.jumbo.gateway.browser;

import dev.jumbo.platform.web.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the whole public port, before security (a preflight carries no token): an allowed origin's
 * preflight is answered here, an allowed origin's request gets its CORS headers, and a request from any
 * other origin answers {@code 403} problem+json instead of Spring's empty {@code 403}. Same-origin requests
 * (the web client served by the gateway) pass untouched.
 */
@Component
public class ProblemCorsWebFilter implements WebFilter, Ordered {

    // after the identity-header filter, before the path check, the body limit and security (-100)
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 18;

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // the problem handler writes the answer
        }
    };

    public ProblemCorsWebFilter(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(properties.allowedMethods());
        cors.setAllowedHeaders(properties.allowedHeaders());
        cors.setExposedHeaders(properties.exposedHeaders());
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        this.configuration = cors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "cors-rejected", "Cross-origin request rejected",
                    "This origin, method or header is not allowed to call the API."));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
