package dev.jumbo.memory.memories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.embedding.SignCodes;
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
        assertThat(deleted.nearest(a.embedding(), 10, true, null)).extracting(s -> s.memory().id()).containsExactly(b.id());
        assertThat(refilled.size()).isEqualTo(2);
        assertThat(refilled.vectorBytes()).isEqualTo(index.vectorBytes());
        assertThat(refilled.nearest(c.embedding(), 1, true, null).get(0).memory().id()).isEqualTo(c.id());
    }

    @Test
    void shouldIgnoreTombstoneWhenMemoryWasNeverHeld() {
        MemoryIndex index = MemoryIndex.empty(1, 0).apply(1, List.of(change(1, "a")));

        MemoryIndex after = index.apply(2, List.of(new IndexChange(UUID.randomUUID(), 9, null, null)));

        assertThat(after.size()).isEqualTo(1);
        assertThat(after.changeSeq()).isEqualTo(9);
    }

    @Test
    void shouldRankWordsAsSmallDeltasDoWhenALargeDeltaIsAppliedOnAllCores() {
        int n = MemoryIndex.PARALLEL_FEATURES_MIN + 500;
        List<IndexChange> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            changes.add(change(i + 1, "User's friend number " + i + (i % 97 == 0 ? " loves jazz" : " likes tea")));
        }
        for (int i = 0; i < n; i += 5) {
            changes.add(new IndexChange(changes.get(i).id(), n + i + 1, null, null));
        }
        MemoryIndex inBatches = MemoryIndex.empty(1, 0);
        for (int from = 0; from < changes.size(); from += 100) {
            inBatches = inBatches.apply(from, changes.subList(from, Math.min(changes.size(), from + 100)));
        }

        MemoryIndex atOnce = MemoryIndex.empty(1, 0).apply(1, changes);

        assertThat(atOnce.size()).isEqualTo(inBatches.size()).isEqualTo(n - n / 5 - 1);
        for (String query : List.of("jazz", "friend 4242", "tea number 17", "number 0")) {
            TextQuery text = TextQuery.of(query);
            assertThat(LexicalRanking.fullText(atOnce, atOnce.eligibleSlots(false, null), text, 20))
                    .as(query).isNotEmpty()
                    .isEqualTo(LexicalRanking.fullText(inBatches, inBatches.eligibleSlots(false, null), text, 20));
            assertThat(LexicalRanking.trigram(atOnce, atOnce.eligibleSlots(false, null), text, 20))
                    .as(query).isEqualTo(LexicalRanking.trigram(inBatches, inBatches.eligibleSlots(false, null), text, 20));
        }
    }

    @Test
    void shouldFindExactNearestWhenIndexSpansManyChunks() {
        int n = 3 * MemoryIndex.CHUNK_ROWS + 17;
        List<IndexChange> changes = IntStream.range(0, n).mapToObj(i -> {
            UUID id = UUID.randomUUID();
            return new IndexChange(id, i + 1, new IndexedMemory(id, "m" + i, i % 3 == 0 ? "pets" : "other", "user",
                    "likes", List.of(), i % 7 == 0), unitVector());
        }).toList();
        MemoryIndex index = MemoryIndex.empty(1, 0).apply(1, changes);
        float[] query = unitVector();

        List<MemoryIndex.Scored> current = index.nearestAsync(query, 20, false, null).block();
        List<MemoryIndex.Scored> pets = index.nearest(query, 20, true, "pets");

        assertThat(current).extracting(s -> s.memory().text())
                .containsExactlyElementsOf(bruteForce(changes, query, c -> !c.memory().archived()));
        assertThat(pets).extracting(s -> s.memory().text())
                .containsExactlyElementsOf(bruteForce(changes, query, c -> c.memory().category().equals("pets")));
        assertThat(pets).anyMatch(s -> s.memory().archived());
        assertThat(index.nearest(query, 20, true, "no such category")).isEmpty();
        assertThat(current.get(0).similarity()).isGreaterThanOrEqualTo(current.get(19).similarity());
    }

    @Test
    void shouldFindTrueNeighboursFromShortlistWhenIndexIsLarge() {
        float[] query = unitVector();
        int n = MemoryIndex.APPROXIMATE_MIN_SLOTS + 2 * MemoryIndex.CHUNK_ROWS;
        List<IndexChange> changes = IntStream.range(0, n).mapToObj(i -> {
            UUID id = UUID.randomUUID();
            // every 500th memory is a close paraphrase of the query, the rest are unrelated
            float[] vector = i % 500 == 0 ? near(query) : unitVector();
            return new IndexChange(id, i + 1, new IndexedMemory(id, "m" + i, i % 1000 == 0 ? "pets" : "other", "user",
                    "likes", List.of(), i % 1500 == 0), vector);
        }).toList();
        MemoryIndex index = MemoryIndex.empty(1, 0).apply(1, changes);

        assertThat(index.nearest(query, 20, false, null)).extracting(s -> s.memory().text())
                .containsExactlyElementsOf(bruteForce(changes, query, c -> !c.memory().archived()));
        assertThat(index.approximateNearest(query, 20, true, null)).extracting(s -> s.memory().text())
                .containsExactlyElementsOf(bruteForce(changes, query, c -> true));
        assertThat(index.approximateNearest(query, 20, true, "pets")).extracting(s -> s.memory().text())
                .containsExactlyElementsOf(bruteForce(changes, query, c -> c.memory().category().equals("pets")));
        assertThat(index.approximateNearest(query, 20, true, "no such category")).isEmpty();
    }

    @Test
    void shouldShortlistUpdatedVectorAndLeaveOldSnapshotUntouchedWhenLargeIndexChanges() {
        float[] query = unitVector();
        List<IndexChange> changes = IntStream.range(0, 40_000).mapToObj(i -> {
            UUID id = UUID.randomUUID();
            return new IndexChange(id, i + 1, memory(id, "m" + i, false), unitVector());
        }).toList();
        MemoryIndex before = MemoryIndex.empty(1, 0).apply(1, changes);
        UUID moved = changes.get(4321).id();

        MemoryIndex after = before.apply(2, List.of(new IndexChange(moved, changes.size() + 1, memory(moved, "moved", false), near(query))));

        assertThat(after.nearest(query, 1, false, null).get(0).memory().text()).isEqualTo("moved");
        assertThat(before.nearest(query, 1, false, null).get(0).memory().id()).isNotEqualTo(moved);
    }

    @Test
    void shouldCountDifferingSignsWhenCodesAreCompared() {
        float[] v = unitVector();
        float[] opposite = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            opposite[i] = -v[i];
        }
        long[] codes = new long[2 * SignCodes.WORDS];
        SignCodes.encode(v, codes, SignCodes.WORDS);

        assertThat(SignCodes.distance(SignCodes.of(v), codes, SignCodes.WORDS)).isZero();
        assertThat(SignCodes.distance(SignCodes.of(opposite), codes, SignCodes.WORDS)).isEqualTo(SentenceEmbedder.DIMENSIONS);
    }

    /** {@code vector} moved by a little noise (cosine about 0.95 with it). */
    private float[] near(float[] vector) {
        float[] moved = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            moved[i] = (float) (vector[i] + random.nextGaussian() * 0.016);
        }
        return Vectors.normalised(moved);
    }

    private static List<String> bruteForce(List<IndexChange> changes, float[] query,
                                           java.util.function.Predicate<IndexChange> eligible) {
        return changes.stream().filter(eligible)
                .sorted(Comparator.comparingDouble((IndexChange c) -> Vectors.dot(query, c.embedding())).reversed())
                .limit(20).map(c -> c.memory().text()).toList();
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
