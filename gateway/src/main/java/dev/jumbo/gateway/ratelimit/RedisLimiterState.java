package dev.jumbo.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers the rate limiter, and since when it does not. Logs once when an outage starts and
 * once when it ends. During an outage only one request per retry interval tries Redis; the others go
 * straight to the local buckets instead of each waiting for the timeout.
 */
public class RedisLimiterState {

    private static final Logger log = LoggerFactory.getLogger(RedisLimiterState.class);

    private final Clock clock;
    private final Duration retryInterval;
    private volatile Instant outageSince;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile String lastFailure;

    public RedisLimiterState(Clock clock, Duration retryInterval) {
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    boolean shouldTryRedis() {
        if (outageSince == null) {
            return true;
        }
        Instant now = clock.instant();
        synchronized (this) {
            if (now.isBefore(nextAttempt)) {
                return false;
            }
            nextAttempt = now.plus(retryInterval);
            return true;
        }
    }

    synchronized void recordSuccess() {
        if (outageSince != null) {
            log.info("Redis answers the rate limiter again after {}; shared limits are back",
                    Duration.between(outageSince, clock.instant()));
            outageSince = null;
            lastFailure = null;
        }
    }

    synchronized void recordFailure(String failure) {
        lastFailure = failure;
        nextAttempt = clock.instant().plus(retryInterval);
        if (outageSince == null) {
            outageSince = clock.instant();
            log.warn("Redis does not answer the rate limiter ({}); local token buckets enforce the limits per "
                    + "replica until it does", failure);
        }
    }

    /** When the current outage began; {@code null} while Redis answers. */
    public Instant outageSince() {
        return outageSince;
    }

    public String lastFailure() {
        return lastFailure;
    }
}
