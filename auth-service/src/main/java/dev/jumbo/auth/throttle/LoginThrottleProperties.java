package dev.jumbo.auth.throttle;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Failed logins allowed within {@code window} before further attempts answer 429: per account
 * ({@code JUMBO_LOGIN_MAX_FAILURES_PER_ACCOUNT}, 5) and per client IP ({@code JUMBO_LOGIN_MAX_FAILURES_PER_IP}, 50).
 */
@Validated
@ConfigurationProperties("jumbo.auth.login-throttle")
public record LoginThrottleProperties(
        @NotNull @Min(1) Integer maxFailuresPerAccount,
        @NotNull @Min(1) Integer maxFailuresPerIp,
        @NotNull Duration window) {

    public LoginThrottleProperties {
        maxFailuresPerAccount = maxFailuresPerAccount == null ? 5 : maxFailuresPerAccount;
        maxFailuresPerIp = maxFailuresPerIp == null ? 50 : maxFailuresPerIp;
        window = window == null ? Duration.ofMinutes(15) : window;
    }
}
