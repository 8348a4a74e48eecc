package dev.jumbo.memory.memories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LexicalRankingTests {

    private final List<IndexChange> changes = new ArrayList<>();

    @Test
    void shouldRankMemoryWithRareWordFirstWhenQueryAlsoHasCommonWord() {
        for (int i = 0; i < 20; i++) {
            add("User's cousin likes tea number " + i, "cousin", "relationships", false);
        }
        UUID paris = add("User's sister lives in Paris", "sister", "relationships", false);
        UUID sisterTea = add("User's sister likes tea", "sister", "relationships", false);

        List<UUID> ranked = fullText("sister paris", 50);

        assertThat(ranked).startsWith(paris, sisterTea).hasSize(2);
    }

    @Test
    void shouldMatchOtherFormsOfAWordWhenStemsAgree() {
        UUID peanuts = add("User is allergic to peanuts", "user", "health", false);
        UUID hiking = add("User loves hiking", "user", "preferences", false);
        add("User works at Google", "user", "work", false);

        assertThat(fullText("peanut", 10)).containsExactly(peanuts);
        assertThat(fullText("hikes", 10)).containsExactly(hiking);
    }

    @Test
    void shouldIgnoreStopWordsWhenQueryIsAQuestion() {
        UUID sister = add("User's sister lives in Paris", "sister", "relationships", false);
        add("User's dog is called Biscuit", "dog", "pets", false);
        add("User works at Google", "user", "work", false);

        assertThat(fullText("where does my sister live?", 10)).containsExactly(sister);
        assertThat(fullText("what is it", 10)).isEmpty();
    }

    @Test
    void shouldMatchSubjectWhenTextDoesNotNameIt() {
        UUID dog = add("User's pet is called Biscuit", "dog", "pets", false);
        add("User works at Google", "user", "work", false);

        assertThat(fullText("dog", 10)).containsExactly(dog);
    }

    @Test
    void shouldMatchAnyWordWhenMemoryHasMoreDistinctTermsThanAreKeptInline() {
        UUID longMemory = add("User's grandmother Rosalind keeps bees, grows tomatoes, paints watercolours, reads mysteries "
                + "and collects stamps near Edinburgh", "grandmother", "relationships", false);
        UUID shortMemory = add("User collects stamps", "user", "preferences", false);

        assertThat(Arrays.stream(TextFeatures.of(changes.get(0).memory().text(), "grandmother").terms()).distinct().count())
                .isGreaterThan(TextFeatures.INLINE_TERMS);
        assertThat(fullText("Edinburgh", 10)).containsExactly(longMemory);
        assertThat(fullText("stamps", 10)).containsExactly(shortMemory, longMemory);
        assertThat(fullText("tomato watercolour", 10)).containsExactly(longMemory);
    }

    @Test
    void shouldFindMisspelledWordWhenMostTrigramsAreShared() {
        UUID google = add("User works at Google", "user", "work", false);
        UUID tennis = add("User plays tennis on Sundays", "user", "preferences", false);
        add("User likes jazz", "user", "preferences", false);

        assertThat(trigram("Gogle", 10)).containsExactly(google);
        assertThat(trigram("tenis", 10)).containsExactly(tennis);
        assertThat(trigram("quantum", 10)).isEmpty();
    }

    @Test
    void shouldNeverRuleOutATrigramMatchWhenSignatureBoundsTheShare() {
        Random random = new Random(7);
        String[] syllables = {"ka", "ten", "nis", "ro", "mar", "li", "jazz", "ber", "lin", "go", "gle", "pa", "ris"};
        for (int i = 0; i < 2_000; i++) {
            add(randomWords(random, syllables, 2 + random.nextInt(8)), "user", "other", false);
        }
        MemoryIndex index = index();
        int[] slots = index.eligibleSlots(false, null);
        for (int q = 0; q < 200; q++) {
            TextQuery query = TextQuery.of(randomWords(random, syllables, 1 + random.nextInt(12)));
            List<UUID> expected = IntStream.of(slots)
                    .filter(slot -> query.trigramShare(index.featuresAt(slot)) >= TextQuery.TRIGRAM_THRESHOLD)
                    .mapToObj(slot -> index.memoryAt(slot).id()).toList();

            assertThat(LexicalRanking.trigram(index, slots, query, slots.length)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String randomWords(Random random, String[] syllables, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            for (int s = 0, n = 1 + random.nextInt(3); s < n; s++) {
                text.append(syllables[random.nextInt(syllables.length)]);
            }
            text.append(' ');
        }
        return text.toString().strip();
    }

    @Test
    void shouldRankExactWordAboveNearMissWhenBothShareTrigrams() {
        UUID tennis = add("User plays tennis", "user", "preferences", false);
        UUID tenors = add("User sings with tenors", "user", "preferences", false);
        UUID exact = add("User met Tenis the painter", "user", "relationships", false);

        List<UUID> ranked = trigram("tenis", 10);

        assertThat(ranked).first().isEqualTo(exact);
        assertThat(ranked).contains(tennis).doesNotContain(tenors);
    }

    @Test
    void shouldLeaveOutArchivedAndOtherCategoriesWhenFiltered() {
        UUID current = add("User likes jazz", "user", "preferences", false);
        UUID archived = add("User liked jazz festivals", "user", "preferences", true);
        UUID otherCategory = add("User's friend plays jazz", "friend", "relationships", false);
        MemoryIndex index = index();
        TextQuery jazz = TextQuery.of("jazz");

        assertThat(LexicalRanking.fullText(index, index.eligibleSlots(false, null), jazz, 10))
                .containsExactlyInAnyOrder(current, otherCategory);
        assertThat(LexicalRanking.fullText(index, index.eligibleSlots(true, null), jazz, 10))
                .containsExactlyInAnyOrder(current, archived, otherCategory);
        assertThat(LexicalRanking.trigram(index, index.eligibleSlots(true, "preferences"), jazz, 10))
                .containsExactlyInAnyOrder(current, archived);
    }

    @Test
    void shouldKeepOnlyTheBestWhenMoreMatchThanTheLimit() {
        List<UUID> all = IntStream.range(0, 30)
                .mapToObj(i -> add("User's teammate likes chess " + "and chess ".repeat(i % 3), "teammate",
                        "relationships", false))
                .toList();
        UUID best = add("User plays chess", "user", "preferences", false);

        List<UUID> ranked = fullText("chess", 5);

        assertThat(ranked).hasSize(5).first().isEqualTo(best);
        assertThat(ranked).containsExactlyElementsOf(fullText("chess", 31).subList(0, 5));
        assertThat(fullText("chess", 31)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(all.stream(), java.util.stream.Stream.of(best)).toList());
    }

    @Test
    void shouldRankOnlyTheGivenSlotsWhenRecallNarrowedThem() {
        UUID jazz = add("User likes jazz", "user", "preferences", false);
        add("User's friend plays jazz", "friend", "relationships", false);
        MemoryIndex index = index();

        List<UUID> ranked = LexicalRanking.fullText(index, new int[] {index.slotOf(jazz)}, TextQuery.of("jazz"), 10);

        assertThat(ranked).containsExactly(jazz);
    }

    private UUID add(String text, String subject, String category, boolean archived) {
        UUID id = UUID.randomUUID();
        changes.add(new IndexChange(id, changes.size() + 1,
                new IndexedMemory(id, text, category, subject, "relation", List.of(), archived), null));
        return id;
    }

    private MemoryIndex index() {
        return MemoryIndex.empty(1, 0).apply(1, changes);
    }

    private List<UUID> fullText(String query, int limit) {
        MemoryIndex index = index();
        return LexicalRanking.fullText(index, index.eligibleSlots(false, null), TextQuery.of(query), limit);
    }

    private List<UUID> trigram(String query, int limit) {
        MemoryIndex index = index();
        return LexicalRanking.trigram(index, index.eligibleSlots(false, null), TextQuery.of(query), limit);
    }
}
