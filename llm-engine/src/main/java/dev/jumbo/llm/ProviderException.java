package dev.jumbo.llm;

import java.time.Duration;
import java.util.Optional;

/** The provider answered with an HTTP error; {@code retryAfter} is its {@code Retry-After}, when it sent one. */
public class ProviderException extends RuntimeException {

    private final int status;
    private final transient Duration retryAfter;

    public ProviderException(int status, Duration retryAfter, Throwable cause) {
        super("LLM provider answered HTTP " + status, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429 and 5xx are worth another attempt; 4xx (bad key, unknown model) are not. */
    public boolean transientFailure() {
        return status == 429 || status >= 500;
    }
}
