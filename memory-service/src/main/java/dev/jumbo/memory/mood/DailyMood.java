package dev.jumbo.memory.mood;

import java.time.LocalDate;

/** One day's aggregate: average valence, number of entries, and the emotion (or label) seen most that day. */
public record DailyMood(LocalDate date, double averageValence, int count, String dominant) {
}
