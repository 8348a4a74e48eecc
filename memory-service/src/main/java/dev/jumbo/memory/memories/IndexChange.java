package dev.jumbo.memory.memories;

import java.util.UUID;

/**
 * One entry of a user's index delta, numbered from {@code memory_change_seq}: a memory as it now is (with its
 * embedding, possibly null), or the tombstone of a deleted one ({@code memory} null).
 */
public record IndexChange(UUID id, long changeSeq, IndexedMemory memory, float[] embedding) {

    public boolean deleted() {
        return memory == null;
    }
}
