package dev.jumbo.llm;

/**
 * The model gave no usable answer; {@link #reason()} says why in the words the {@code jumbo.llm.fallbacks}
 * metric uses: {@code timeout}, {@code rate-limited}, {@code server-error}, {@code client-error},
 * {@code circuit-open}, {@code bulkhead-full}, {@code error}.
 */
public class LlmUnavailableException extends RuntimeException {

    private final String reason;

    public LlmUnavailableException(String reason, Throwable cause) {
        super("LLM unavailable: " + reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
