package dev.jumbo.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * chat-service settings ({@code jumbo.chat.*}).
 *
 * @param engine            conversation engine ({@code JUMBO_ENGINE}): {@code builtin}, {@code openai} or {@code ollama};
 *                          the model settings are {@code jumbo.llm.*} (llm-engine)
 * @param conversationIdle  silence after which a message without {@code conversationId} starts a new conversation
 * @param recall            the guarded call to memory-service's recall API
 */
@Validated
@ConfigurationProperties("jumbo.chat")
public record ChatProperties(
        @NotNull @Pattern(regexp = "builtin|openai|ollama", message = "must be builtin, openai or ollama") String engine,
        @NotNull Duration conversationIdle,
        @NotNull @Valid Recall recall) {

    /**
     * @param memoryUrl             memory-service base URL
     * @param timeout               per-call time limit; past it the turn answers without memories
     * @param limit                 memories asked for per question
     * @param maxConcurrentCalls    bulkhead: concurrent recall calls per instance
     * @param failureRateThreshold  circuit breaker opens above this failure percentage …
     * @param minimumCalls          … once this many calls were seen in the sliding window
     * @param openFor               how long the breaker stays open before trying again
     */
    public record Recall(
            @NotBlank String memoryUrl,
            @NotNull Duration timeout,
            @Min(1) @Max(20) int limit,
            @Min(1) @Max(1000) int maxConcurrentCalls,
            @Min(1) @Max(100) int failureRateThreshold,
            @Min(1) @Max(1000) int minimumCalls,
            @NotNull Duration openFor) {
    }
}
