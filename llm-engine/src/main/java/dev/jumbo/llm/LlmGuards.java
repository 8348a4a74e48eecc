package dev.jumbo.llm;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * The Resilience4j guards of the model calls, all named {@code llm} and bound to Micrometer (breaker state:
 * {@code resilience4j.circuitbreaker.state{name=llm}}). A retry waits what the provider's {@code Retry-After}
 * says, or {@code backoff × 2^(attempt-1)} without one; a {@code Retry-After} longer than
 * {@code max-retry-after} is not waited for (the step falls back at once). Timeouts are not retried: a chat turn
 * has no time for a second slow attempt.
 */
public record LlmGuards(CircuitBreaker circuitBreaker, Retry retry, Bulkhead bulkhead) {

    public static final String NAME = "llm";

    public static LlmGuards create(LlmProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .minimumNumberOfCalls(properties.minimumCalls())
                .slidingWindowSize(Math.max(properties.minimumCalls(), 20))
                .waitDurationInOpenState(properties.openFor())
                .build());
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .retryOnException(failure -> worthRetrying(failure, properties.maxRetryAfter()))
                .intervalBiFunction(interval(properties.backoff()))
                .failAfterMaxAttempts(false)
                .build());
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls()).maxWaitDuration(Duration.ZERO).build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        return new LlmGuards(breakers.circuitBreaker(NAME), retries.retry(NAME), bulkheads.bulkhead(NAME));
    }

    static boolean worthRetrying(Throwable failure, Duration maxRetryAfter) {
        return failure instanceof ProviderException provider && provider.transientFailure()
                && provider.retryAfter().map(wait -> wait.compareTo(maxRetryAfter) <= 0).orElse(true);
    }

    static IntervalBiFunction<Object> interval(Duration backoff) {
        return (attempt, result) -> {
            if (result.isLeft() && result.getLeft() instanceof ProviderException provider
                    && provider.retryAfter().isPresent()) {
                return provider.retryAfter().get().toMillis();
            }
            return backoff.toMillis() << Math.min(Math.max(attempt - 1, 0), 10);
        };
    }
}
