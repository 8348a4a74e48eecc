package dev.jumbo.chat.recall;

import dev.jumbo.chat.ChatProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Asks memory-service's internal recall API ({@code POST /internal/v1/recall}) with the user's own token.
 * Guarded by a time limit, a circuit breaker and a bulkhead: it never fails, it answers
 * {@link RecallOutcome.Unavailable} instead, so a slow or down memory-service never fails a turn.
 */
@Component
public class MemoryRecallClient {

    private static final Logger log = LoggerFactory.getLogger(MemoryRecallClient.class);

    private final WebClient http;
    private final int limit;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    record RecallRequest(String question, int limit) {
    }

    record RecallResponse(List<RecalledMemory> memories) {
    }

    public MemoryRecallClient(WebClient.Builder builder, ChatProperties properties) {
        ChatProperties.Recall recall = properties.recall();
        this.http = builder.baseUrl(recall.memoryUrl()).build();
        this.limit = recall.limit();
        this.timeLimiter = TimeLimiter.of("memory-recall", TimeLimiterConfig.custom()
                .timeoutDuration(recall.timeout()).cancelRunningFuture(true).build());
        this.circuitBreaker = CircuitBreaker.of("memory-recall", CircuitBreakerConfig.custom()
                .failureRateThreshold(recall.failureRateThreshold())
                .minimumNumberOfCalls(recall.minimumCalls())
                .slidingWindowSize(Math.max(recall.minimumCalls(), 20))
                .waitDurationInOpenState(recall.openFor())
                .build());
        this.bulkhead = Bulkhead.of("memory-recall", BulkheadConfig.custom()
                .maxConcurrentCalls(recall.maxConcurrentCalls()).maxWaitDuration(Duration.ZERO).build());
    }

    /**
     * Opens the HTTP client's first connection once the service is up, so the first memory question of a fresh
     * instance does not spend its time limit on connection setup and class loading. Any answer will do.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        http.get().uri("/actuator/health/liveness").exchangeToMono(response -> response.releaseBody())
                .timeout(Duration.ofSeconds(5))
                .doOnError(failure -> log.debug("memory-service not reachable yet: {}", failure.toString()))
                .onErrorComplete()
                .subscribe();
    }

    public Mono<RecallOutcome> recall(String question, String bearerToken) {
        return http.post().uri("/internal/v1/recall")
                .headers(headers -> headers.setBearerAuth(bearerToken))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(new RecallRequest(question, limit))
                .retrieve()
                .bodyToMono(RecallResponse.class)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .<RecallOutcome>map(response -> response.memories() == null || response.memories().isEmpty()
                        ? new RecallOutcome.NothingKnown() : new RecallOutcome.Found(response.memories()))
                .defaultIfEmpty(new RecallOutcome.NothingKnown())
                .onErrorResume(failure -> {
                    log.warn("Recall from memory-service failed: {}", failure.toString());
                    return Mono.just(new RecallOutcome.Unavailable(failure.getClass().getSimpleName()));
                });
    }
}
