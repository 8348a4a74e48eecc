package dev.jumbo.memory.memories;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A memory id → slot map that a {@link MemoryIndex} delta copies only in part: the ids are spread over
 * {@value #SEGMENTS} segments by hash, and {@link Builder} copies a segment the first time the delta writes to it.
 * Copying one flat map of a heavy user's 100,000 ids cost tens of milliseconds per new memory.
 */
final class SlotMap {

    static final int SEGMENTS = 256;
    @SuppressWarnings("unchecked")
    static final SlotMap EMPTY = new SlotMap((Map<UUID, Integer>[]) new Map[SEGMENTS], 0);

    private final Map<UUID, Integer>[] segments;
    private final int size;

    private SlotMap(Map<UUID, Integer>[] segments, int size) {
        this.segments = segments;
        this.size = size;
    }

    Integer get(UUID id) {
        Map<UUID, Integer> segment = segments[segmentOf(id)];
        return segment == null ? null : segment.get(id);
    }

    boolean containsKey(UUID id) {
        return get(id) != null;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    private static int segmentOf(UUID id) {
        long bits = id.getLeastSignificantBits() ^ id.getMostSignificantBits();
        return (int) (bits ^ (bits >>> 32) ^ (bits >>> 16)) & (SEGMENTS - 1);
    }

    /** The next map: shares every segment it does not write. */
    static final class Builder {

        private final Map<UUID, Integer>[] segments;
        private final boolean[] copied = new boolean[SEGMENTS];
        private int size;

        private Builder(SlotMap from) {
            this.segments = Arrays.copyOf(from.segments, SEGMENTS);
            this.size = from.size;
        }

        Integer get(UUID id) {
            Map<UUID, Integer> segment = segments[segmentOf(id)];
            return segment == null ? null : segment.get(id);
        }

        void put(UUID id, int slot) {
            if (writable(segmentOf(id)).put(id, slot) == null) {
                size++;
            }
        }

        Integer remove(UUID id) {
            int index = segmentOf(id);
            if (segments[index] == null || !segments[index].containsKey(id)) {
                return null;
            }
            size--;
            return writable(index).remove(id);
        }

        SlotMap build() {
            return new SlotMap(segments, size);
        }

        private Map<UUID, Integer> writable(int index) {
            if (!copied[index]) {
                segments[index] = segments[index] == null ? new HashMap<>() : new HashMap<>(segments[index]);
                copied[index] = true;
            }
            return segments[index];
        }
    }
}
