package dev.jumbo.auth.export;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the export collects what other services hold, and how long it waits for them.
 *
 * @param chatUrl                 chat-service ({@code JUMBO_CHAT_URL})
 * @param memoryUrl               memory-service ({@code JUMBO_MEMORY_URL})
 * @param timeout                 per call ({@code JUMBO_EXPORT_TIMEOUT}); a part that takes longer is left out
 * @param failureRateThreshold    percentage of failed calls that opens a circuit
 * @param minimumCalls            calls in the sliding window before the failure rate counts
 * @param openFor                 how long an open circuit answers "unavailable" without calling
 * @param maxPartSize             largest answer read from one service (the chassis' 64 KiB codec limit is for
 *                                request bodies; an export of conversations is far larger)
 */
@Validated
@ConfigurationProperties("jumbo.auth.export")
public record ExportProperties(
        @NotBlank String chatUrl,
        @NotBlank String memoryUrl,
        @NotNull Duration timeout,
        @NotNull @DecimalMin("1") @DecimalMax("100") Float failureRateThreshold,
        @NotNull @Min(1) Integer minimumCalls,
        @NotNull Duration openFor,
        @NotNull DataSize maxPartSize) {

    public ExportProperties {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        minimumCalls = minimumCalls == null ? 10 : minimumCalls;
        openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        maxPartSize = maxPartSize == null ? DataSize.ofMegabytes(32) : maxPartSize;
    }
}
