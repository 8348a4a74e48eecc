package dev.jumbo.maintenance.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.maintenance.memories.MemoryTables.TextPair;
import dev.jumbo.maintenance.memories.StoredMemory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NearDuplicatesTests {

    private static final float[] V = {1f, 0f, 0f};
    private static final float[] NEAR_V = {0.98f, 0.2f, 0f};
    private static final float[] FAR = {0f, 1f, 0f};

    private final NearDuplicates rules = new NearDuplicates(0.92);

    @Test
    void shouldMergeIntoTheMemoryWithMoreValuesWhenTheOtherAddsNothing() {
        StoredMemory both = memory("User's friends are Charvik and Devansh", "friends", "name", List.of("Charvik", "Devansh"), V);
        StoredMemory one = memory("User's friends are Charvik", "friends", "name", List.of("charvik"), NEAR_V);

        NearDuplicates.Plan plan = rules.plan(List.of(one, both), List.of(pair(one, both, 0.8)));

        assertThat(plan.pairsFound()).isEqualTo(1);
        assertThat(plan.merges()).singleElement().satisfies(merge -> {
            assertThat(merge.survivor()).isEqualTo(both);
            assertThat(merge.merged()).isEqualTo(one);
        });
    }

    @Test
    void shouldSkipWhenEachHasAValueTheOtherLacks() {
        StoredMemory paris = memory("User's sister lives in Paris", "sister", "lives_in", List.of("Paris"), V);
        StoredMemory london = memory("User's sister lives in London", "sister", "lives_in", List.of("London"), NEAR_V);

        NearDuplicates.Plan plan = rules.plan(List.of(paris, london), List.of(pair(paris, london, 0.7)));

        assertThat(plan.pairsFound()).isEqualTo(1);
        assertThat(plan.skipped()).isEqualTo(1);
        assertThat(plan.merges()).isEmpty();
    }

    @Test
    void shouldSkipWhenSubjectsDifferAndNeitherNamesTheOther() {
        StoredMemory sister = memory("User's sister lives in Paris", "sister", "lives_in", List.of("Paris"), V);
        StoredMemory brother = memory("User's brother lives in Paris", "brother", "lives_in", List.of("Paris"), NEAR_V);

        assertThat(rules.plan(List.of(sister, brother), List.of(pair(sister, brother, 0.8))).merges()).isEmpty();
    }

    @Test
    void shouldMergeWhenOneTextNamesTheOthersSubject() {
        StoredMemory has = memory("User has a dog called Biscuit", "user", "has", List.of("dog", "Biscuit"), V);
        StoredMemory named = memory("User's dog is called Biscuit", "dog", "name", List.of("Biscuit"), NEAR_V);

        assertThat(rules.plan(List.of(has, named), List.of(pair(has, named, 0.6))).merges()).hasSize(1);
    }

    @Test
    void shouldNotFindAPairWhenEmbeddingsAreFarApartOrMissing() {
        StoredMemory a = memory("User likes cats", "user", "likes", List.of("cats"), V);
        StoredMemory b = memory("User likes cats!", "user", "likes", List.of("cats"), FAR);
        StoredMemory c = memory("User likes cats.", "user", "likes", List.of("cats"), null);

        NearDuplicates.Plan plan = rules.plan(List.of(a, b, c), List.of(pair(a, b, 0.9), pair(a, c, 0.9)));

        assertThat(plan.pairsFound()).isZero();
        assertThat(plan.merges()).isEmpty();
    }

    @Test
    void shouldMergeAChainOnceWhenThreeAreTheSame() {
        StoredMemory a = memory("User likes jazz music", "user", "likes", List.of("jazz"), V);
        StoredMemory b = memory("User likes jazz", "user", "likes", List.of("jazz"), NEAR_V);
        StoredMemory c = memory("User likes jazz!", "user", "likes", List.of("jazz"), NEAR_V);

        NearDuplicates.Plan plan = rules.plan(List.of(a, b, c), List.of(pair(a, b, 0.8), pair(a, c, 0.8), pair(b, c, 0.9)));

        // b goes into c, then c into a: a, the most complete, ends up with both
        assertThat(plan.merges()).extracting(NearDuplicates.Merge::merged).containsExactly(b, c);
        assertThat(plan.merges().get(1).survivor()).isEqualTo(a);
    }

    private static StoredMemory memory(String text, String subject, String relation, List<String> values, float[] embedding) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        return new StoredMemory(UUID.randomUUID(), "u", text, "other", subject, relation, values, embedding, null, at, at, null, null);
    }

    private static TextPair pair(StoredMemory a, StoredMemory b, double similarity) {
        return new TextPair(a.id(), b.id(), similarity);
    }
}
