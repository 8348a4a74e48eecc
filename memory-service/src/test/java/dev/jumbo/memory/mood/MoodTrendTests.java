package dev.jumbo.memory.mood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoodTrendTests {

    private static final LocalDate DAY = LocalDate.parse("2026-11-01");

    private static DailyMood day(int offset, double valence) {
        return new DailyMood(DAY.plusDays(offset), valence, 1, "calm");
    }

    @Test
    void shouldFindExactSlopeWhenValenceRisesLinearly() {
        List<DailyMood> days = List.of(day(0, -0.5), day(1, -0.4), day(2, -0.3), day(3, -0.2));

        assertThat(MoodTrend.slope(days)).isCloseTo(0.1, within(1e-9));
        assertThat(MoodTrend.of(days, 0.02).direction()).isEqualTo("improving");
    }

    @Test
    void shouldMatchHandComputedLeastSquaresWhenPointsAreNoisyAndDaysHaveGaps() {
        // x = 0, 1, 3, 6; y = 0.5, 0.1, 0.2, -0.4 → x̄ = 2.5, ȳ = 0.1
        // Σ(x−x̄)(y−ȳ) = (−2.5)(0.4) + (−1.5)(0) + (0.5)(0.1) + (3.5)(−0.5) = −2.7; Σ(x−x̄)² = 6.25 + 2.25 + 0.25 + 12.25 = 21
        List<DailyMood> days = List.of(day(0, 0.5), day(1, 0.1), day(3, 0.2), day(6, -0.4));

        assertThat(MoodTrend.slope(days)).isCloseTo(-2.7 / 21, within(1e-9));
        MoodTrend trend = MoodTrend.of(days, 0.02);
        assertThat(trend.direction()).isEqualTo("declining");
        assertThat(trend.slopePerDay()).isEqualTo(-0.1286);
    }

    @Test
    void shouldBeStableWhenSlopeIsWithinThreshold() {
        List<DailyMood> days = List.of(day(0, 0.30), day(1, 0.31), day(2, 0.29), day(3, 0.32));

        assertThat(MoodTrend.of(days, 0.02).direction()).isEqualTo("stable");
    }

    @Test
    void shouldBeStableWithZeroSlopeWhenThereAreFewerThanTwoDays() {
        assertThat(MoodTrend.of(List.of(day(0, 0.9)), 0.02)).isEqualTo(new MoodTrend("stable", 0));
        assertThat(MoodTrend.of(List.of(), 0.02)).isEqualTo(new MoodTrend("stable", 0));
    }

    @Test
    void shouldAverageByUtcDayAndPickMostFrequentEmotionWhenAggregating() {
        List<MoodEntry> entries = List.of(
                new MoodEntry(Instant.parse("2026-11-01T08:00:00Z"), "tired", -0.2, List.of("tired")),
                new MoodEntry(Instant.parse("2026-11-01T23:59:00Z"), "tired but proud", 0.4, List.of("tired", "proud")),
                new MoodEntry(Instant.parse("2026-11-02T00:01:00Z"), "calm", 0.5, List.of()));

        List<DailyMood> days = DailyMoods.of(entries);

        assertThat(days).containsExactly(
                new DailyMood(LocalDate.parse("2026-11-01"), 0.1, 2, "tired"),
                new DailyMood(LocalDate.parse("2026-11-02"), 0.5, 1, "calm"));
    }
}
