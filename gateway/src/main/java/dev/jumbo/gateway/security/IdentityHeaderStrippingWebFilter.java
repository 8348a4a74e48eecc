package dev.jumbo.gateway.security;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes identity headers ({@code X-User-Id}, {@code X-Forwarded-User}, {@code X-Auth-*} …) from every
 * request before anything else reads it, so no service can be told who the caller is by the caller. The
 * {@code Authorization} header travels on unchanged: the services validate the token again.
 */
@Component
public class IdentityHeaderStrippingWebFilter implements WebFilter, Ordered {

    // after the request id / traceparent filters, before the path check, the body limit and security
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    private final List<String> exactNames;
    private final List<String> prefixes;

    public IdentityHeaderStrippingWebFilter(IdentityHeadersProperties properties) {
        this.exactNames = properties.strip().stream().filter(name -> !name.endsWith("*"))
                .map(name -> name.toLowerCase(Locale.ROOT)).toList();
        this.prefixes = properties.strip().stream().filter(name -> name.endsWith("*"))
                .map(name -> name.substring(0, name.length() - 1).toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> present = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(this::isIdentityHeader).toList();
        if (present.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> present.forEach(headers::remove)))
                .build());
    }

    boolean isIdentityHeader(String name) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return exactNames.contains(lowerCase) || prefixes.stream().anyMatch(lowerCase::startsWith);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
