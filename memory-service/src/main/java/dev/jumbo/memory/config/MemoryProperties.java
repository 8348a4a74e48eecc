package dev.jumbo.memory.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of memory-service ({@code jumbo.memory.*}).
 *
 * @param recallCacheMaxVectors how many memory vectors the per-user cache may hold in total (all users)
 * @param recallMinConfidence   a hybrid-search match below this cosine similarity is not returned by recall
 * @param searchCandidates      how many candidates each ranking (full-text, trigram, embedding) contributes to fusion
 * @param trendThreshold        slope of daily average valence per day beyond which the trend is improving/declining
 * @param moodMaxRangeDays      the longest range {@code /moods} answers
 * @param recallStampInterval   how often recalled memories' {@code last_recalled_at} stamps are written, in one statement
 * @param embeddingThreads      ONNX Runtime intra-op threads one embedding may use
 * @param embeddingSpinning     whether those threads spin between embeddings (lower latency on dedicated cores, CPU
 *                              burnt and shown to the autoscaler on shared ones)
 */
@Validated
@ConfigurationProperties("jumbo.memory")
public record MemoryProperties(
        @NotNull @Min(1_000) @Max(10_000_000) Integer recallCacheMaxVectors,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double recallMinConfidence,
        @NotNull @Min(5) @Max(1_000) Integer searchCandidates,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double trendThreshold,
        @NotNull @Min(1) @Max(3_660) Integer moodMaxRangeDays,
        @NotNull @DurationMin(millis = 10) @DurationMax(minutes = 10) Duration recallStampInterval,
        @NotNull @Min(1) @Max(64) Integer embeddingThreads,
        @NotNull Boolean embeddingSpinning) {

    public MemoryProperties {
        recallCacheMaxVectors = recallCacheMaxVectors == null ? 300_000 : recallCacheMaxVectors;
        recallMinConfidence = recallMinConfidence == null ? 0.5 : recallMinConfidence;
        searchCandidates = searchCandidates == null ? 50 : searchCandidates;
        trendThreshold = trendThreshold == null ? 0.02 : trendThreshold;
        moodMaxRangeDays = moodMaxRangeDays == null ? 366 : moodMaxRangeDays;
        recallStampInterval = recallStampInterval == null ? Duration.ofSeconds(1) : recallStampInterval;
        embeddingThreads = embeddingThreads == null ? 1 : embeddingThreads;
        embeddingSpinning = embeddingSpinning != null && embeddingSpinning;
    }
}
