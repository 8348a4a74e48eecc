package dev.jumbo.auth.throttle;

import dev.jumbo.platform.web.ProblemDetails;
import dev.jumbo.platform.web.ProblemException;
import dev.jumbo.platform.web.ProblemExceptionHandler;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 with {@code Retry-After} (seconds) while an account or a client IP is locked out of logging in. */
public class TooManyLoginAttemptsException extends ProblemException implements ProblemExceptionHandler.HeaderCarrying {

    private final long retryAfterSeconds;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        super(ProblemDetails.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts", "Too many login attempts",
                "Too many failed logins. Try again later."));
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        problem().setProperty("retryAfterSeconds", retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return headers;
    }
}
