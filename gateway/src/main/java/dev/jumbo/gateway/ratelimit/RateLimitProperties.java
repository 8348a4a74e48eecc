package dev.jumbo.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token-bucket limits of the public port ({@code jumbo.gateway.rate-limit}), kept in Redis and, while Redis
 * cannot answer, in this process.
 *
 * @param auth the stricter bucket of {@code /api/v1/auth/**}, per client IP
 * @param api every other limited path, per user (per client IP when anonymous)
 * @param redisTimeout how long a decision may wait for Redis before the local buckets decide
 * @param redisRetryInterval during an outage, how often a request tries Redis again (the others do not wait)
 * @param trustedProxies addresses or CIDR ranges of the proxies (ingress, load balancer) whose
 *        {@code X-Forwarded-For} names the client; from anyone else the header is ignored
 * @param localBucketsMax most keys the local buckets hold during an outage (oldest idle are dropped first)
 */
@Validated
@ConfigurationProperties("jumbo.gateway.rate-limit")
public record RateLimitProperties(
        @NotNull @Valid Limit auth,
        @NotNull @Valid Limit api,
        @NotNull @DefaultValue("100ms") Duration redisTimeout,
        @NotNull @DefaultValue("1s") Duration redisRetryInterval,
        @NotNull @DefaultValue({}) List<String> trustedProxies,
        @Positive @DefaultValue("100000") int localBucketsMax) {

    public RateLimitProperties {
        requirePositive("redis-timeout", redisTimeout);
        requirePositive("redis-retry-interval", redisRetryInterval);
        if (trustedProxies != null) {
            trustedProxies.forEach(TrustedProxies.Range::parse);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException("jumbo.gateway.rate-limit." + name + " must be positive, was " + value);
        }
    }

    /**
     * One token bucket: refilled at {@code replenishRate} tokens a second, holding at most {@code burstCapacity}.
     * Each request takes one token.
     */
    public record Limit(@Positive int replenishRate, @Positive int burstCapacity) {

        public Limit {
            if (burstCapacity < replenishRate) {
                throw new IllegalArgumentException("burst-capacity (" + burstCapacity
                        + ") must be at least replenish-rate (" + replenishRate + ")");
            }
        }
    }
}
