package dev.jumbo.memory.mood;

import java.time.Instant;
import java.util.List;

/** The mood of one user message, from chat-service's summary. */
public record MoodEntry(Instant at, String label, double valence, List<String> emotions) {
}
