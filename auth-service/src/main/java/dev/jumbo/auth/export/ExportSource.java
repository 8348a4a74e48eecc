package dev.jumbo.auth.export;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Another service's {@code GET /internal/v1/export}, called with the user's own bearer token, behind a time
 * limit and a circuit breaker. Any failure yields an empty part instead of failing the export.
 */
class ExportSource {

    private static final Logger log = LoggerFactory.getLogger(ExportSource.class);

    private final String name;
    private final WebClient client;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;

    ExportSource(String name, WebClient client, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker) {
        this.name = name;
        this.client = client;
        this.timeLimiter = timeLimiter;
        this.circuitBreaker = circuitBreaker;
    }

    String name() {
        return name;
    }

    Mono<Optional<JsonNode>> fetch(String bearerToken) {
        return client.get().uri("/internal/v1/export")
                .headers(headers -> headers.setBearerAuth(bearerToken))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(failure -> {
                    log.warn("Export part '{}' unavailable: {}", name, failure.toString());
                    return Mono.just(Optional.empty());
                });
    }
}
