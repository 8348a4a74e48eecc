package dev.jumbo.memory.memories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.embedding.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MemoryIndexTests {

    private final Random random = new Random(42);

    @Test
    void shouldHoldAddedMemoriesWhenDeltaIsApplied() {
        IndexChange a = change(1, "a");
        IndexChange b = change(2, "b");

        MemoryIndex index = MemoryIndex.empty(7, 0).apply(3, List.of(a, b));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.version()).isEqualTo(3);
        assertThat(index.epoch()).isEqualTo(7);
        assertThat(index.changeSeq()).isEqualTo(2);
        assertThat(index.get(a.id()).text()).isEqualTo("a");
        assertThat(index.vectorOf(b.id())).containsExactly(b.embedding());
    }

    @Test
    void shouldReplaceMemoryAndLeaveOldSnapshotUntouchedWhenMemoryIsUpdated() {
        IndexChange a = change(1, "a");
        MemoryIndex before = MemoryIndex.empty(1, 0).apply(1, List.of(a, change(2, "b")));
        IndexChange edited = new IndexChange(a.id(), 5, memory(a.id(), "a edited", false), unitVector());

        MemoryIndex after = before.apply(2, List.of(edited));

        assertThat(after.size()).isEqualTo(2);
        assertThat(after.get(a.id()).text()).isEqualTo("a edited");
        assertThat(after.vectorOf(a.id())).containsExactly(edited.embedding());
        assertThat(after.changeSeq()).isEqualTo(5);
        assertThat(before.get(a.id()).text()).isEqualTo("a");
        assertThat(before.vectorOf(a.id())).containsExactly(a.embedding());
    }

    @Test
    void shouldForgetMemoryAndReuseItsSlotWhenTombstoneIsApplied() {
        IndexChange a = change(1, "a");
        IndexChange b = change(2, "b");
        MemoryIndex index = MemoryIndex.empty(1, 0).apply(1, List.of(a, b));

        MemoryIndex deleted = index.apply(2, List.of(new IndexChange(a.id(), 3, null, null)));
        IndexChange c = change(4, "c");
        MemoryIndex refilled = deleted.apply(3, List.of(c));

        assertThat(deleted.size()).isEqualTo(1);
        assertThat(deleted.get(a.id())).isNull();
        assertThat(deleted.nearest(a.embedding(), 10, m -> true)).extracting(s -> s.memory().id()).containsExactly(b.id());
        assertThat(refilled.size()).isEqualTo(2);
        assertThat(refilled.vectorBytes()).isEqualTo(index.vectorBytes());
        assertThat(refilled.nearest(c.embedding(), 1, m -> true).get(0).memory().id()).isEqualTo(c.id());
    }

    @Test
    void shouldIgnoreTombstoneWhenMemoryWasNeverHeld() {
        MemoryIndex index = MemoryIndex.empty(1, 0).apply(1, List.of(change(1, "a")));

        MemoryIndex after = index.apply(2, List.of(new IndexChange(UUID.randomUUID(), 9, null, null)));

        assertThat(after.size()).isEqualTo(1);
        assertThat(after.changeSeq()).isEqualTo(9);
    }

    @Test
    void shouldFindExactNearestWhenIndexSpansManyChunksAndIsScannedOnTwoCores() {
        int n = MemoryIndex.PARALLEL_SCAN_MIN_SLOTS + 3 * MemoryIndex.CHUNK_ROWS + 17;
        List<IndexChange> changes = IntStream.range(0, n).mapToObj(i -> change(i + 1, "m" + i)).toList();
        MemoryIndex index = MemoryIndex.empty(1, 0).apply(1, changes);
        float[] query = unitVector();

        List<MemoryIndex.Scored> sequential = index.nearest(query, 20, m -> !m.text().endsWith("7"));
        List<MemoryIndex.Scored> parallel = index.nearestAsync(query, 20, m -> !m.text().endsWith("7")).block();

        List<String> bruteForce = new ArrayList<>(changes.stream().filter(c -> !c.memory().text().endsWith("7"))
                .sorted(Comparator.comparingDouble((IndexChange c) -> Vectors.dot(query, c.embedding())).reversed())
                .limit(20).map(c -> c.memory().text()).toList());
        assertThat(sequential).extracting(s -> s.memory().text()).containsExactlyElementsOf(bruteForce);
        assertThat(parallel).extracting(s -> s.memory().text()).containsExactlyElementsOf(bruteForce);
        assertThat(parallel.get(0).similarity()).isGreaterThanOrEqualTo(parallel.get(19).similarity());
    }

    @Test
    void shouldComputeSameDotProductWhenSumsAreSplitInEight() {
        float[] a = unitVector();
        float[] matrix = new float[3 * SentenceEmbedder.DIMENSIONS];
        float[] b = unitVector();
        System.arraycopy(b, 0, matrix, SentenceEmbedder.DIMENSIONS, b.length);

        assertThat(Vectors.dotAt(a, matrix, SentenceEmbedder.DIMENSIONS)).isCloseTo(Vectors.dot(a, b),
                org.assertj.core.data.Offset.offset(1e-5f));
    }

    private IndexChange change(long seq, String text) {
        UUID id = UUID.randomUUID();
        return new IndexChange(id, seq, memory(id, text, false), unitVector());
    }

    private static IndexedMemory memory(UUID id, String text, boolean archived) {
        return new IndexedMemory(id, text, "other", "user", "likes", List.of(text), archived);
    }

    private float[] unitVector() {
        float[] v = new float[SentenceEmbedder.DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalised(v);
    }
}
