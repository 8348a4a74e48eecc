package dev.jumbo.platform.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay: how often it polls, how many rows a batch takes, how it backs off while Kafka is down,
 * and how long published rows are kept.
 */
@Validated
@ConfigurationProperties("jumbo.outbox")
public record OutboxProperties(
        Boolean relayEnabled,
        @NotNull Duration pollInterval,
        @Min(1) @Max(1000) int batchSize,
        @NotNull Duration sendTimeout,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration retention,
        @NotBlank String source) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize == 0 ? 100 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        retention = retention == null ? Duration.ofDays(7) : retention;
        source = source == null ? "/jumbo" : source;
    }
}
