package dev.jumbo.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter}, but never open. The stock limiter answers "allowed" with
 * {@code X-RateLimit-Remaining: -1} whenever Redis fails; here that answer, an error, or no answer within
 * the timeout hands the decision to {@link LocalTokenBuckets} with the same limits.
 */
public class DegradingRateLimiter {

    private final RedisRateLimiter redis;
    private final LocalTokenBuckets local;
    private final RedisLimiterState state;
    private final Duration timeout;

    DegradingRateLimiter(RedisRateLimiter redis, LocalTokenBuckets local, RedisLimiterState state, Duration timeout) {
        this.redis = redis;
        this.local = local;
        this.state = state;
        this.timeout = timeout;
    }

    public Mono<RateLimitDecision> check(RateLimitPolicy policy, String key) {
        if (!state.shouldTryRedis()) {
            return Mono.fromSupplier(() -> local.tryTake(policy, key));
        }
        return Mono.defer(() -> redis.isAllowed(policy.name(), key))
                // the first connection to Redis is opened blocking; keep it off the event loop
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .map(response -> fromRedis(response, policy))
                .doOnNext(decision -> state.recordSuccess())
                .onErrorResume(failure -> {
                    state.recordFailure(describe(failure));
                    return Mono.fromSupplier(() -> local.tryTake(policy, key));
                });
    }

    /** Asks Redis once, for nothing (a key no client has), with no timeout; failures only mean a cold start. */
    Mono<Void> warmUp() {
        return Mono.defer(() -> redis.isAllowed("warm-up", "gateway"))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(failure -> Mono.empty())
                .then();
    }

    private static RateLimitDecision fromRedis(RateLimiter.Response response, RateLimitPolicy policy) {
        String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        long tokensLeft = remaining == null ? -1 : Long.parseLong(remaining);
        if (tokensLeft < 0) {
            throw new RedisFailedOpen();
        }
        return RateLimitDecision.of(response.isAllowed(), tokensLeft, policy, false);
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (failure instanceof RedisFailedOpen) {
            return "redis unreachable";
        }
        return failure.toString();
    }

    /** The stock limiter's "let everything through" answer, which it gives when Redis failed. */
    private static final class RedisFailedOpen extends RuntimeException {

        RedisFailedOpen() {
            super("RedisRateLimiter failed open", null, false, false);
        }
    }
}
