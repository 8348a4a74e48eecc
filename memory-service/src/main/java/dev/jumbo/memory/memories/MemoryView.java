package dev.jumbo.memory.memories;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A memory as API.md shows it; {@code history} only on the single-memory read. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record MemoryView(UUID id, String text, String category, String subject, List<String> values, Instant createdAt,
                         Instant updatedAt, @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastRecalledAt,
                         boolean archived, @JsonInclude(JsonInclude.Include.ALWAYS) UUID sourceMessageId,
                         List<HistoryView> history) {

    public record HistoryView(String change, String text, List<String> values, Instant at, UUID sourceMessageId) {
    }

    public static MemoryView of(Memory memory) {
        return of(memory, null);
    }

    public static MemoryView of(Memory memory, List<HistoryEntry> history) {
        return new MemoryView(memory.id(), memory.text(), memory.category(), memory.subject(), memory.values(),
                memory.createdAt(), memory.updatedAt(), memory.lastRecalledAt(), memory.archived(), memory.sourceMessageId(),
                history == null ? null : history.stream()
                        .map(h -> new HistoryView(h.change(), h.text(), h.values(), h.at(), h.sourceMessageId())).toList());
    }
}
