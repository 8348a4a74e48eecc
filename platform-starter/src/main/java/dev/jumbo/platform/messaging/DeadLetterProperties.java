package dev.jumbo.platform.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Bounded retries of a failing event before it goes to {@code <topic>-dlt}. */
@Validated
@ConfigurationProperties("jumbo.consumer")
public record DeadLetterProperties(
        @Min(0) @Max(20) Integer maxRetries,
        @NotNull Duration initialInterval,
        @NotNull Duration maxInterval) {

    public DeadLetterProperties {
        maxRetries = maxRetries == null ? 3 : maxRetries;
        initialInterval = initialInterval == null ? Duration.ofMillis(200) : initialInterval;
        maxInterval = maxInterval == null ? Duration.ofSeconds(5) : maxInterval;
    }
}
