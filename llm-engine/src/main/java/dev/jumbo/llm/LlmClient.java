package dev.jumbo.llm;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calls the configured model, guarded: a bulkhead around the whole call, retries with backoff on 429/5xx that
 * honour {@code Retry-After}, a circuit breaker and a time limit on every attempt. It never answers slowly or
 * with a provider's own exception: it fails with {@link LlmUnavailableException} naming the reason, and the
 * caller falls back to the builtin engine. Blocking provider calls run on boundedElastic; streams are
 * non-blocking. Prompt text is never logged unless {@code jumbo.llm.log-prompts} is on (refused in prod).
 */
public class LlmClient {

    private static final Logger log = LoggerFactory.getLogger(LlmClient.class);

    private final LlmProvider provider;
    private final LlmProperties properties;
    private final LlmMetrics metrics;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Bulkhead bulkhead;

    public LlmClient(LlmProvider provider, LlmProperties properties, LlmMetrics metrics, LlmGuards guards) {
        this.provider = provider;
        this.properties = properties;
        this.metrics = metrics;
        this.circuitBreaker = guards.circuitBreaker();
        this.retry = guards.retry();
        this.bulkhead = guards.bulkhead();
    }

    public String provider() {
        return provider.name();
    }

    public LlmMetrics metrics() {
        return metrics;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** The whole answer at once (summaries, facts). */
    public Mono<LlmAnswer> call(LlmRequest request) {
        Mono<LlmAnswer> attempt = Mono.defer(() -> {
            long started = System.nanoTime();
            logPrompt(request);
            return Mono.fromCallable(() -> blockingCall(request))
                    .subscribeOn(Schedulers.boundedElastic())
                    .timeout(properties.timeout())
                    .<ChatResponse>handle((outcome, sink) -> {
                        if (outcome.failure() != null) {
                            sink.error(outcome.failure());
                        } else {
                            sink.next(outcome.response());
                        }
                    })
                    .onErrorMap(ProviderFailures::normalise)
                    .map(LlmClient::answerOf)
                    .doOnSuccess(answer -> {
                        metrics.attempt(request, "success", since(started));
                        metrics.tokens(request, answer.promptTokens(), answer.completionTokens());
                        log.debug("LLM {} {} answered in {} ms ({} + {} tokens)", request.step(), request.prompt().id(),
                                since(started).toMillis(), answer.promptTokens(), answer.completionTokens());
                    })
                    .doOnError(failure -> attemptFailed(request, failure, started));
        });
        return guard(request, attempt);
    }

    /**
     * The answer as the model writes it, fragment by fragment (replies). The first fragment must come within the
     * time limit, and so must each next one. Only a stream that failed before its first fragment is retried:
     * the caller has already passed the fragments on.
     */
    public Flux<String> stream(LlmRequest request) {
        Flux<String> attempt = Flux.defer(() -> {
            long started = System.nanoTime();
            AtomicBoolean emitted = new AtomicBoolean();
            AtomicLong promptTokens = new AtomicLong();
            AtomicLong completionTokens = new AtomicLong();
            logPrompt(request);
            return provider.model().stream(provider.prompt(request))
                    .timeout(Mono.delay(properties.timeout()), chunk -> Mono.delay(properties.timeout()))
                    .doOnNext(chunk -> {
                        Usage usage = chunk.getMetadata() == null ? null : chunk.getMetadata().getUsage();
                        if (usage != null) {
                            promptTokens.accumulateAndGet(orZero(usage.getPromptTokens()), Math::max);
                            completionTokens.accumulateAndGet(orZero(usage.getCompletionTokens()), Math::max);
                        }
                    })
                    .map(LlmClient::textOf)
                    .filter(text -> !text.isEmpty())
                    .doOnNext(text -> emitted.set(true))
                    .onErrorMap(failure -> emitted.get()
                            ? new StreamBrokenException(ProviderFailures.normalise(failure))
                            : ProviderFailures.normalise(failure))
                    .doOnComplete(() -> {
                        metrics.attempt(request, "success", since(started));
                        metrics.tokens(request, promptTokens.get(), completionTokens.get());
                    })
                    .doOnError(failure -> attemptFailed(request, failure, started));
        });
        return attempt
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .onErrorMap(failure -> unavailable(request, failure));
    }

    private Mono<LlmAnswer> guard(LlmRequest request, Mono<LlmAnswer> attempt) {
        return attempt
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .onErrorMap(failure -> unavailable(request, failure));
    }

    private Throwable unavailable(LlmRequest request, Throwable failure) {
        if (failure instanceof LlmUnavailableException) {
            return failure;
        }
        Throwable cause = failure instanceof StreamBrokenException broken ? broken.getCause() : failure;
        String reason = ProviderFailures.reason(cause);
        if ("circuit-open".equals(reason) || "bulkhead-full".equals(reason)) {
            metrics.attempt(request, reason, Duration.ZERO); // never reached the provider
        }
        log.warn("LLM {} ({}, {}) gave no answer: {}", request.step(), provider.name(), request.prompt().id(), reason);
        return new LlmUnavailableException(reason, failure);
    }

    private void attemptFailed(LlmRequest request, Throwable failure, long started) {
        Throwable cause = failure instanceof StreamBrokenException broken ? broken.getCause() : failure;
        metrics.attempt(request, ProviderFailures.reason(cause), since(started));
    }

    private void logPrompt(LlmRequest request) {
        if (properties.logPrompts() && log.isDebugEnabled()) {
            log.debug("LLM prompt {}:\n{}\n---\n{}", request.prompt().id(), request.prompt().system(),
                    request.prompt().user());
        }
    }

    /**
     * The provider's blocking call, its failure returned rather than thrown: after a time-out the answer arrives
     * to nobody, and a dropped value is quietly discarded where a dropped error would be logged as an error.
     */
    private BlockingOutcome blockingCall(LlmRequest request) {
        try {
            return new BlockingOutcome(provider.model().call(provider.prompt(request)), null);
        } catch (RuntimeException failure) {
            return new BlockingOutcome(null, failure);
        }
    }

    private record BlockingOutcome(ChatResponse response, Throwable failure) {
    }

    private static LlmAnswer answerOf(ChatResponse response) {
        Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
        return new LlmAnswer(textOf(response), usage == null ? 0 : orZero(usage.getPromptTokens()),
                usage == null ? 0 : orZero(usage.getCompletionTokens()));
    }

    private static String textOf(ChatResponse response) {
        if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
            return "";
        }
        String text = response.getResult().getOutput().getText();
        return text == null ? "" : text;
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A stream that failed after it had started: not retried (its fragments were already passed on). */
    static final class StreamBrokenException extends RuntimeException {

        StreamBrokenException(Throwable cause) {
            super("LLM stream broke after it had started", cause);
        }
    }

}
