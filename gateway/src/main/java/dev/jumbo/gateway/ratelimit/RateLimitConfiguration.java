package dev.jumbo.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The rate limiter of the public port and how it talks to Redis. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    /** One {@link RedisRateLimiter} holding a configuration per policy; its Redis keys carry the policy name. */
    @Bean
    DegradingRateLimiter degradingRateLimiter(ReactiveStringRedisTemplate redisTemplate,
                                              RedisScript<List<Long>> redisRequestRateLimiterScript,
                                              ConfigurationService configurationService,
                                              RateLimitProperties properties, RedisLimiterState state) {
        RedisRateLimiter redis = new RedisRateLimiter(redisTemplate, redisRequestRateLimiterScript, configurationService);
        redis.getConfig().put("auth", redisConfig(properties.auth()));
        redis.getConfig().put("api", redisConfig(properties.api()));
        redis.getConfig().put("warm-up", redisConfig(properties.api()));
        return new DegradingRateLimiter(redis, new LocalTokenBuckets(System::nanoTime, properties.localBucketsMax()),
                state, properties.redisTimeout());
    }

    @Bean
    RedisLimiterState redisLimiterState(RateLimitProperties properties) {
        return new RedisLimiterState(Clock.systemUTC(), properties.redisRetryInterval());
    }

    @Bean
    RateLimiterHealthIndicator rateLimiterHealthIndicator(RedisLimiterState state) {
        return new RateLimiterHealthIndicator(state);
    }

    @Bean
    ClientKeyResolver clientKeyResolver(RateLimitProperties properties) {
        return new ClientKeyResolver(new ClientAddressResolver(properties.trustedProxies()));
    }

    @Bean
    RateLimitWebFilter rateLimitWebFilter(DegradingRateLimiter limiter, ClientKeyResolver keys,
                                          RateLimitProperties properties) {
        return new RateLimitWebFilter(limiter, keys, properties);
    }

    /**
     * Opens the Redis connection and loads the script at startup, off the request path, so the first
     * request is not the one that waits for it (and reports a Redis outage that is only a cold start).
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> warmUpRateLimiter(DegradingRateLimiter limiter) {
        return event -> limiter.warmUp().subscribe();
    }

    /** While Redis is away, commands fail at once instead of queueing up until it is back. */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /** Reconnect within seconds of Redis coming back, not Lettuce's default of up to 30 s. */
    @Bean
    ClientResourcesBuilderCustomizer quickRedisReconnect() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
    }

    private static RedisRateLimiter.Config redisConfig(RateLimitProperties.Limit limit) {
        return new RedisRateLimiter.Config().setReplenishRate(limit.replenishRate())
                .setBurstCapacity(limit.burstCapacity()).setRequestedTokens(1);
    }
}
