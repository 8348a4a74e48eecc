package dev.jumbo.memory.memories;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored memory: one normalised fact of one user. {@code embedding} may be null when not loaded. */
public record Memory(UUID id, String userId, String text, String category, String subject, String relation,
                     List<String> values, float[] embedding, String contentHash, UUID sourceMessageId,
                     Instant createdAt, Instant updatedAt, Instant lastRecalledAt, Instant archivedAt) {

    public Memory {
        values = List.copyOf(values);
    }

    public Memory withEmbedding(float[] vector) {
        return new Memory(id, userId, text, category, subject, relation, values, vector, contentHash, sourceMessageId,
                createdAt, updatedAt, lastRecalledAt, archivedAt);
    }

    public Memory withArchived(Instant at) {
        return new Memory(id, userId, text, category, subject, relation, values, embedding, contentHash, sourceMessageId,
                createdAt, updatedAt, lastRecalledAt, at);
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
