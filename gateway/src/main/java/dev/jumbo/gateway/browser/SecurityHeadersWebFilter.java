package dev.jumbo.gateway.browser;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the security headers on every answer: the gateway's own ({@code /health}, static files, problems of
 * any status) and the services' (set just before the response is committed, so they override whatever a
 * service sent for these names: the gateway decides what a browser is told).
 */
@Component
public class SecurityHeadersWebFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    private final SecurityHeadersProperties properties;

    public SecurityHeadersWebFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            write(exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    void write(HttpHeaders headers) {
        headers.set("Content-Security-Policy", properties.contentSecurityPolicy());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", properties.referrerPolicy());
        headers.set("X-Frame-Options", properties.frameOptions());
        if (properties.hsts()) {
            headers.set("Strict-Transport-Security", properties.hstsValue());
        }
        else {
            headers.remove("Strict-Transport-Security");
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
