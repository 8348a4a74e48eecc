package dev.jumbo.gateway.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-process token buckets with the same arithmetic as the gateway's Redis script, used while Redis cannot
 * answer. They are per gateway replica, so during an outage a client spread over N replicas gets up to N
 * times its limit: degraded, but never open.
 */
class LocalTokenBuckets {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final int maxBuckets;

    LocalTokenBuckets(LongSupplier nanoClock, int maxBuckets) {
        this.nanoClock = nanoClock;
        this.maxBuckets = maxBuckets;
    }

    RateLimitDecision tryTake(RateLimitPolicy policy, String key) {
        if (buckets.size() >= maxBuckets) {
            evictFullBuckets();
        }
        Bucket bucket = buckets.computeIfAbsent(policy.name() + ":" + key, k -> new Bucket(policy, nanoClock.getAsLong()));
        return bucket.tryTake(policy, nanoClock.getAsLong());
    }

    int size() {
        return buckets.size();
    }

    /** Buckets that have refilled completely carry no state worth keeping. */
    private void evictFullBuckets() {
        long now = nanoClock.getAsLong();
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().isFullAt(now)) {
                it.remove();
            }
        }
        if (buckets.size() >= maxBuckets) {
            // still full of busy clients: forgetting them all is the bounded-memory choice
            buckets.clear();
        }
    }

    private static final class Bucket {

        private final RateLimitPolicy policy;
        private double tokens;
        private long refilledAt;

        Bucket(RateLimitPolicy policy, long now) {
            this.policy = policy;
            this.tokens = policy.burstCapacity();
            this.refilledAt = now;
        }

        synchronized RateLimitDecision tryTake(RateLimitPolicy current, long now) {
            refill(now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            return RateLimitDecision.of(allowed, (long) Math.floor(tokens), current, true);
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= policy.burstCapacity();
        }

        private void refill(long now) {
            double elapsedSeconds = Math.max(0, now - refilledAt) / 1_000_000_000.0;
            tokens = Math.min(policy.burstCapacity(), tokens + elapsedSeconds * policy.replenishRate());
            refilledAt = now;
        }
    }
}
