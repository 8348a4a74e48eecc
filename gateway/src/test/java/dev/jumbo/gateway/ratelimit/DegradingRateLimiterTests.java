package dev.jumbo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/** The wrapper's decisions, with the stock limiter's answers (success, fail-open, error, silence) stubbed. */
@ExtendWith(OutputCaptureExtension.class)
class DegradingRateLimiterTests {

    private static final RateLimitPolicy POLICY = new RateLimitPolicy("api", 2, 3);

    private final AtomicInteger redisCalls = new AtomicInteger();
    private volatile Supplier<Mono<RateLimiter.Response>> redisAnswer;
    private final RedisRateLimiter redis = new RedisRateLimiter(2, 3) {
        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            redisCalls.incrementAndGet();
            return redisAnswer.get();
        }
    };
    private final RedisLimiterState state = new RedisLimiterState(Clock.systemUTC(), Duration.ofMinutes(1));
    private final DegradingRateLimiter limiter = new DegradingRateLimiter(redis,
            new LocalTokenBuckets(System::nanoTime, 100), state, Duration.ofMillis(100));

    @Test
    void shouldUseRedisAnswerWhenRedisAnswers() {
        redisAnswer = () -> Mono.just(new RateLimiter.Response(false, Map.of(RedisRateLimiter.REMAINING_HEADER, "0")));

        RateLimitDecision decision = limiter.check(POLICY, "user:1").block();

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.local()).isFalse();
        assertThat(decision.retryAfterSeconds()).isEqualTo(1);
        assertThat(state.outageSince()).isNull();
    }

    @Test
    void shouldEnforceLocallyNotOpenWhenStockLimiterFailsOpen() {
        // what RedisRateLimiter answers for every request when Redis is down
        redisAnswer = () -> Mono.just(new RateLimiter.Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, "-1")));

        expectBurstThenDenialFromLocalBuckets();
    }

    @Test
    void shouldEnforceLocallyWhenRedisCallFails() {
        redisAnswer = () -> Mono.error(new IllegalStateException("connection refused"));

        expectBurstThenDenialFromLocalBuckets();
        assertThat(state.lastFailure()).contains("connection refused");
    }

    @Test
    void shouldEnforceLocallyWhenRedisIsSlowerThanTimeout() {
        redisAnswer = Mono::never;

        long started = System.nanoTime();
        RateLimitDecision decision = limiter.check(POLICY, "user:slow").block();

        assertThat(decision.local()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(state.lastFailure()).contains("100 ms");
    }

    @Test
    void shouldNotAskRedisAgainUntilRetryIntervalWhenOutageIsKnown() {
        redisAnswer = () -> Mono.error(new IllegalStateException("down"));
        limiter.check(POLICY, "user:1").block();

        limiter.check(POLICY, "user:1").block();
        limiter.check(POLICY, "user:1").block();

        assertThat(redisCalls).hasValue(1);
    }

    @Test
    void shouldReportRecoveryWhenRedisAnswersAgain() {
        RedisLimiterState quickRetry = new RedisLimiterState(Clock.systemUTC(), Duration.ofMillis(1));
        DegradingRateLimiter recovering = new DegradingRateLimiter(redis, new LocalTokenBuckets(System::nanoTime, 100),
                quickRetry, Duration.ofMillis(100));
        redisAnswer = () -> Mono.error(new IllegalStateException("down"));
        recovering.check(POLICY, "user:1").block();
        assertThat(quickRetry.outageSince()).isNotNull();

        redisAnswer = () -> Mono.just(new RateLimiter.Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, "2")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
                .until(() -> !recovering.check(POLICY, "user:1").block().local());

        assertThat(quickRetry.outageSince()).isNull();
    }

    @Test
    void shouldLogOnceWhenOutageStartsAndOnceWhenItEnds(CapturedOutput output) {
        RedisLimiterState quickRetry = new RedisLimiterState(Clock.systemUTC(), Duration.ofMillis(1));
        DegradingRateLimiter flaky = new DegradingRateLimiter(redis, new LocalTokenBuckets(System::nanoTime, 100),
                quickRetry, Duration.ofMillis(100));
        redisAnswer = () -> Mono.error(new IllegalStateException("down"));
        for (int i = 0; i < 20; i++) {
            flaky.check(POLICY, "user:" + i).block();
        }
        redisAnswer = () -> Mono.just(new RateLimiter.Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, "2")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
                .until(() -> !flaky.check(POLICY, "user:x").block().local());
        flaky.check(POLICY, "user:y").block();

        assertThat(output.getOut().split("Redis does not answer the rate limiter", -1)).hasSize(2);
        assertThat(output.getOut().split("Redis answers the rate limiter again", -1)).hasSize(2);
    }

    private void expectBurstThenDenialFromLocalBuckets() {
        for (int i = 0; i < 3; i++) {
            RateLimitDecision decision = limiter.check(POLICY, "user:1").block();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.local()).isTrue();
            assertThat(decision.remaining()).isNotNegative();
        }
        RateLimitDecision denied = limiter.check(POLICY, "user:1").block();

        assertThat(denied.allowed()).as("degraded, not open").isFalse();
        assertThat(state.outageSince()).isNotNull();
    }
}
