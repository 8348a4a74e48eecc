package dev.jumbo.memory.memories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An earlier version of a memory and what changed it: updated, merged, retracted, edited, archived, restored. */
public record HistoryEntry(String change, String text, List<String> values, UUID sourceMessageId, Instant at) {
}
