package dev.jumbo.gateway.ratelimit;

/**
 * The answer for one request.
 *
 * @param allowed whether the request may go on
 * @param remaining whole tokens left in the bucket afterwards (never negative)
 * @param retryAfterSeconds when denied, seconds until one token is back (at least 1)
 * @param local whether the in-process buckets decided because Redis could not
 */
public record RateLimitDecision(boolean allowed, long remaining, long retryAfterSeconds, boolean local) {

    static RateLimitDecision of(boolean allowed, long remaining, RateLimitPolicy policy, boolean local) {
        long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - remaining) / (double) policy.replenishRate()));
        return new RateLimitDecision(allowed, Math.max(0, remaining), retryAfter, local);
    }
}
