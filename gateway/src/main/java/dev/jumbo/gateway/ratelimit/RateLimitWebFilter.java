package dev.jumbo.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Takes a token for every request to the API and to {@code /health}: from the {@code auth} bucket on
 * {@code /api/v1/auth/**}, from the {@code api} bucket elsewhere. It runs after security, so a valid token
 * has already named the user. Every limited answer carries {@code X-RateLimit-Remaining}; an empty bucket
 * answers {@code 429} problem+json with {@code Retry-After}, and the service never sees the request.
 */
public class RateLimitWebFilter implements WebFilter, Ordered {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    static final String REPLENISH_RATE_HEADER = "X-RateLimit-Replenish-Rate";
    static final String BURST_CAPACITY_HEADER = "X-RateLimit-Burst-Capacity";
    // after Spring Security's WebFilterChainProxy (-100)
    static final int ORDER = -50;

    private static final PathPattern AUTH = PathPatternParser.defaultInstance.parse("/api/v1/auth/**");
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/v1/**");
    private static final PathPattern HEALTH = PathPatternParser.defaultInstance.parse("/health");

    private final DegradingRateLimiter limiter;
    private final ClientKeyResolver keys;
    private final RateLimitPolicy auth;
    private final RateLimitPolicy api;

    public RateLimitWebFilter(DegradingRateLimiter limiter, ClientKeyResolver keys, RateLimitProperties properties) {
        this.limiter = limiter;
        this.keys = keys;
        this.auth = RateLimitPolicy.of("auth", properties.auth());
        this.api = RateLimitPolicy.of("api", properties.api());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RateLimitPolicy policy = policyFor(exchange.getRequest().getPath().pathWithinApplication());
        if (policy == null) {
            return chain.filter(exchange);
        }
        return keys.resolve(exchange)
                .flatMap(key -> limiter.check(policy, key))
                .flatMap(decision -> {
                    var headers = exchange.getResponse().getHeaders();
                    headers.set(REMAINING_HEADER, String.valueOf(decision.remaining()));
                    headers.set(REPLENISH_RATE_HEADER, String.valueOf(policy.replenishRate()));
                    headers.set(BURST_CAPACITY_HEADER, String.valueOf(policy.burstCapacity()));
                    return decision.allowed() ? chain.filter(exchange)
                            : Mono.error(new RateLimitExceededException(decision));
                });
    }

    RateLimitPolicy policyFor(PathContainer path) {
        if (AUTH.matches(path)) {
            return auth;
        }
        return API.matches(path) || HEALTH.matches(path) ? api : null;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
