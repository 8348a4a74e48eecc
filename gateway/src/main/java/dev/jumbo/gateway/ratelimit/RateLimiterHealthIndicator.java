package dev.jumbo.gateway.ratelimit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code rateLimiter} in the actuator health (management port): {@code UP} while Redis keeps the buckets,
 * {@code DOWN} with what happened while the local buckets stand in. The gateway keeps serving and limiting
 * either way, so the readiness and liveness groups leave it out.
 */
public class RateLimiterHealthIndicator implements HealthIndicator {

    private final RedisLimiterState state;

    public RateLimiterHealthIndicator(RedisLimiterState state) {
        this.state = state;
    }

    @Override
    public Health health() {
        if (state.outageSince() == null) {
            return Health.up().withDetail("limiter", "redis").build();
        }
        return Health.down()
                .withDetail("limiter", "local")
                .withDetail("detail", "redis unreachable, local limiter active")
                .withDetail("since", state.outageSince().toString())
                .withDetail("lastFailure", String.valueOf(state.lastFailure()))
                .build();
    }
}
