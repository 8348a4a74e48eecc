package dev.jumbo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalTokenBucketsTests {

    private static final RateLimitPolicy POLICY = new RateLimitPolicy("auth", 5, 10);
    private final AtomicLong nanos = new AtomicLong();
    private final LocalTokenBuckets buckets = new LocalTokenBuckets(nanos::get, 1000);

    @Test
    void shouldAllowBurstThenDenyWhenBucketIsEmpty() {
        for (int i = 1; i <= 10; i++) {
            RateLimitDecision decision = buckets.tryTake(POLICY, "ip:1");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(10 - i);
            assertThat(decision.local()).isTrue();
        }
        RateLimitDecision denied = buckets.tryTake(POLICY, "ip:1");

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remaining()).isZero();
        assertThat(denied.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void shouldRefillAtReplenishRateWhenTimePasses() {
        drain("ip:1");

        nanos.addAndGet(400_000_000L); // 0.4 s at 5 tokens/s: 2 tokens
        assertThat(buckets.tryTake(POLICY, "ip:1").allowed()).isTrue();
        assertThat(buckets.tryTake(POLICY, "ip:1").allowed()).isTrue();
        assertThat(buckets.tryTake(POLICY, "ip:1").allowed()).isFalse();

        nanos.addAndGet(60_000_000_000L);
        assertThat(buckets.tryTake(POLICY, "ip:1").remaining()).as("never more than the burst").isEqualTo(9);
    }

    @Test
    void shouldKeepBucketsApartWhenKeysOrPoliciesDiffer() {
        drain("ip:1");

        assertThat(buckets.tryTake(POLICY, "ip:2").allowed()).isTrue();
        assertThat(buckets.tryTake(new RateLimitPolicy("api", 20, 40), "ip:1").allowed()).isTrue();
    }

    @Test
    void shouldStayBoundedWhenManyKeysArrive() {
        LocalTokenBuckets small = new LocalTokenBuckets(nanos::get, 100);
        for (int i = 0; i < 1000; i++) {
            small.tryTake(POLICY, "ip:" + i);
        }

        assertThat(small.size()).isLessThanOrEqualTo(100);
    }

    private void drain(String key) {
        while (buckets.tryTake(POLICY, key).allowed()) {
            // empty it
        }
    }
}
