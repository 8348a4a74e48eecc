package dev.jumbo.llm;

import com.openai.errors.OpenAIServiceException;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** Turns what the provider clients throw into {@link ProviderException}s and fallback reasons. */
final class ProviderFailures {

    private ProviderFailures() {
    }

    /** The HTTP failure inside {@code failure}, in one shape whichever client threw it; else {@code failure}. */
    static Throwable normalise(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderException provider) {
                return provider;
            }
            if (t instanceof OpenAIServiceException openAi) {
                return new ProviderException(openAi.statusCode(),
                        openAi.headers().values("retry-after").stream().findFirst()
                                .flatMap(RetryAfter::parse).orElse(null), openAi);
            }
            if (t instanceof WebClientResponseException web) {
                return new ProviderException(web.getStatusCode().value(),
                        RetryAfter.parse(web.getHeaders().getFirst("Retry-After")).orElse(null), web);
            }
            if (t instanceof RestClientResponseException rest) {
                return new ProviderException(rest.getStatusCode().value(),
                        rest.getResponseHeaders() == null ? null
                                : RetryAfter.parse(rest.getResponseHeaders().getFirst("Retry-After")).orElse(null), rest);
            }
        }
        return failure;
    }

    /** The {@code reason} tag for a failure: what a dashboard should say about it. */
    static String reason(Throwable failure) {
        Throwable normal = normalise(failure);
        if (normal instanceof ProviderException provider) {
            return provider.status() == 429 ? "rate-limited" : provider.status() >= 500 ? "server-error" : "client-error";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return "circuit-open";
            }
            if (t instanceof BulkheadFullException) {
                return "bulkhead-full";
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t instanceof HttpTimeoutException || t instanceof java.io.InterruptedIOException) {
                return "timeout";
            }
        }
        return "error";
    }
}
