package dev.jumbo.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The engine's meters. {@code jumbo.llm.calls} (provider, step, prompt, outcome) counts every attempt,
 * {@code jumbo.llm.latency} times them, {@code jumbo.llm.tokens} (provider, step, type = prompt | completion) adds
 * the usage blocks, {@code jumbo.llm.fallbacks} (step, reason) counts the steps the builtin engine answered
 * instead. The breaker's state is {@code resilience4j.circuitbreaker.state} (name {@code llm}).
 */
public class LlmMetrics {

    public static final String CALLS = "jumbo.llm.calls";
    public static final String LATENCY = "jumbo.llm.latency";
    public static final String TOKENS = "jumbo.llm.tokens";
    public static final String FALLBACKS = "jumbo.llm.fallbacks";

    private final MeterRegistry meters;
    private final String provider;

    public LlmMetrics(MeterRegistry meters, String provider) {
        this.meters = meters;
        this.provider = provider;
    }

    void attempt(LlmRequest request, String outcome, Duration took) {
        Counter.builder(CALLS).description("Calls to the language model, by outcome")
                .tags("provider", provider, "step", request.step(), "prompt", request.prompt().id(), "outcome", outcome)
                .register(meters).increment();
        Timer.builder(LATENCY).description("Time of one call to the language model")
                .tags("provider", provider, "step", request.step(), "outcome", outcome)
                .register(meters).record(took);
    }

    void tokens(LlmRequest request, long prompt, long completion) {
        if (prompt > 0) {
            Counter.builder(TOKENS).description("Tokens the language model read and wrote")
                    .tags("provider", provider, "step", request.step(), "type", "prompt").register(meters).increment(prompt);
        }
        if (completion > 0) {
            Counter.builder(TOKENS).description("Tokens the language model read and wrote")
                    .tags("provider", provider, "step", request.step(), "type", "completion").register(meters)
                    .increment(completion);
        }
    }

    /** A step the builtin engine answered because the model did not (reason: see {@link LlmUnavailableException}). */
    public void fallback(String step, String reason) {
        Counter.builder(FALLBACKS).description("Steps answered by the builtin engine because the model did not")
                .tags("step", step, "reason", reason).register(meters).increment();
    }
}
