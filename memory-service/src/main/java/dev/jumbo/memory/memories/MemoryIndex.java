package dev.jumbo.memory.memories;

import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.embedding.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * One user's memories with their vectors in one contiguous row-major matrix, at a given version of the
 * user's memories. Immutable; replaced as a whole when the version moves.
 */
public final class MemoryIndex {

    private final long version;
    private final List<IndexedMemory> memories;
    private final float[] matrix;

    public MemoryIndex(long version, List<IndexedMemory> memories) {
        this.version = version;
        this.memories = List.copyOf(memories);
        this.matrix = new float[memories.size() * SentenceEmbedder.DIMENSIONS];
        for (int i = 0; i < memories.size(); i++) {
            float[] embedding = memories.get(i).embedding();
            if (embedding != null && embedding.length == SentenceEmbedder.DIMENSIONS) {
                System.arraycopy(embedding, 0, matrix, i * SentenceEmbedder.DIMENSIONS, SentenceEmbedder.DIMENSIONS);
            }
        }
    }

    public long version() {
        return version;
    }

    public int size() {
        return memories.size();
    }

    public List<IndexedMemory> memories() {
        return memories;
    }

    public record Scored(IndexedMemory memory, float similarity) {
    }

    /** The {@code limit} memories most similar to {@code query} among those {@code eligible}, best first. */
    public List<Scored> nearest(float[] query, int limit, Predicate<IndexedMemory> eligible) {
        PriorityQueue<Scored> best = new PriorityQueue<>(Comparator.comparingDouble(Scored::similarity));
        for (int i = 0; i < memories.size(); i++) {
            IndexedMemory memory = memories.get(i);
            if (!eligible.test(memory)) {
                continue;
            }
            float similarity = Vectors.dot(query, matrix, i);
            if (best.size() < limit) {
                best.add(new Scored(memory, similarity));
            } else if (similarity > best.peek().similarity()) {
                best.poll();
                best.add(new Scored(memory, similarity));
            }
        }
        List<Scored> out = new ArrayList<>(best);
        out.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        return out;
    }

    /** Cosine similarity of {@code query} with the memory at {@code row} of {@link #memories()}. */
    public float similarityAt(float[] query, int row) {
        return Vectors.dot(query, matrix, row);
    }
}
