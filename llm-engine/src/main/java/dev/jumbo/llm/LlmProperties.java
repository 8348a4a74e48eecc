package dev.jumbo.llm;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which engine writes summaries, replies and facts ({@code jumbo.llm.*}, from {@code JUMBO_ENGINE} and
 * {@code JUMBO_LLM_*}). With {@code builtin} (the default) nothing else is read and no client is built.
 *
 * @param engine              {@code builtin}, {@code openai} (any OpenAI-compatible endpoint) or {@code ollama}
 * @param baseUrl             provider URL: OpenAI-compatible ones end in {@code /v1}; Ollama's is the server root
 * @param apiKey              bearer key (OpenAI, Groq); local servers (Ollama, vLLM, llama.cpp) need none
 * @param model               model name as the provider spells it
 * @param timeout             one attempt's time limit; a streamed reply must start within it, and no gap between
 *                            two tokens may be longer
 * @param maxAttempts         attempts per call (first + retries on 429/5xx)
 * @param backoff             wait before the first retry when the provider sends no {@code Retry-After}; doubles
 * @param maxRetryAfter       a {@code Retry-After} longer than this is not waited for: the step falls back at once
 * @param maxConcurrentCalls  bulkhead: calls in flight per instance; more fall back to builtin immediately
 * @param failureRateThreshold circuit breaker opens above this failure percentage …
 * @param minimumCalls        … once this many calls were seen
 * @param openFor             how long the breaker stays open
 * @param temperature         sampling temperature of replies (summaries and facts always use 0)
 * @param maxTokens           longest answer asked for
 * @param logPrompts          log prompt text at DEBUG: for local debugging only, refused in prod
 */
@Validated
@ConfigurationProperties("jumbo.llm")
public record LlmProperties(
        @NotNull @Pattern(regexp = "builtin|openai|ollama", message = "must be builtin, openai or ollama") String engine,
        String baseUrl,
        String apiKey,
        String model,
        @NotNull Duration timeout,
        @Min(1) @Max(5) int maxAttempts,
        @NotNull Duration backoff,
        @NotNull Duration maxRetryAfter,
        @Min(1) @Max(1000) int maxConcurrentCalls,
        @Min(1) @Max(100) int failureRateThreshold,
        @Min(1) @Max(1000) int minimumCalls,
        @NotNull Duration openFor,
        @DecimalMin("0.0") @DecimalMax("2.0") double temperature,
        @Min(16) @Max(8192) int maxTokens,
        boolean logPrompts) {

    public static final String BUILTIN = "builtin";
    public static final String OPENAI = "openai";
    public static final String OLLAMA = "ollama";

    public LlmProperties {
        engine = engine == null ? BUILTIN : engine.strip().toLowerCase(java.util.Locale.ROOT);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxAttempts = maxAttempts == 0 ? 3 : maxAttempts;
        backoff = backoff == null ? Duration.ofMillis(500) : backoff;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(5) : maxRetryAfter;
        maxConcurrentCalls = maxConcurrentCalls == 0 ? 32 : maxConcurrentCalls;
        failureRateThreshold = failureRateThreshold == 0 ? 50 : failureRateThreshold;
        minimumCalls = minimumCalls == 0 ? 10 : minimumCalls;
        openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        maxTokens = maxTokens == 0 ? 512 : maxTokens;
    }

    public boolean usesLlm() {
        return !BUILTIN.equals(engine);
    }

    @AssertTrue(message = "JUMBO_LLM_BASE_URL and JUMBO_LLM_MODEL are required when JUMBO_ENGINE is openai or ollama")
    public boolean isProviderConfigured() {
        return !usesLlm() || (baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank());
    }

    @Override
    public String toString() {
        return "LlmProperties[engine=" + engine + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "****") + "]";
    }
}
