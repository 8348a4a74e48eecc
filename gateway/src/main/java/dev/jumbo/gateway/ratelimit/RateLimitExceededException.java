package dev.jumbo.gateway.ratelimit;

import dev.jumbo.platform.web.ProblemExceptionHandler;
import dev.jumbo.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** {@code 429} problem+json with {@code Retry-After}. */
class RateLimitExceededException extends ProblemException implements ProblemExceptionHandler.HeaderCarrying {

    private final transient HttpHeaders headers = new HttpHeaders();

    RateLimitExceededException(RateLimitDecision decision) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests; try again in " + decision.retryAfterSeconds() + " s.");
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
