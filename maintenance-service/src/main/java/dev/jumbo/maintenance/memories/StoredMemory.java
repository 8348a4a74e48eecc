package dev.jumbo.maintenance.memories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code memory.memories} as maintenance reads it (embedding may be null when the row has none). */
public record StoredMemory(UUID id, String userId, String text, String category, String subject, String relation,
                           List<String> values, float[] embedding, UUID sourceMessageId, Instant createdAt,
                           Instant updatedAt, Instant lastRecalledAt, Instant archivedAt) {
}
