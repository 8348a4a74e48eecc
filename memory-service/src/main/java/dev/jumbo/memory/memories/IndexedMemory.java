package dev.jumbo.memory.memories;

import java.util.List;
import java.util.UUID;

/** What the in-service vector index keeps of a memory besides its vector (which lives in the index's matrix). */
public record IndexedMemory(UUID id, String text, String category, String subject, String relation, List<String> values,
                            boolean archived) {
}
