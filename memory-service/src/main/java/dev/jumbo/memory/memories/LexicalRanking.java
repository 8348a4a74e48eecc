package dev.jumbo.memory.memories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * The two lexical rankings hybrid search fuses with the embedding ranking, computed over a user's cached
 * {@link MemoryIndex} instead of in SQL (ADR 0009, point 9): full text, BM25 over stemmed terms (a rare word
 * weighs more than one most memories share, a short memory a little more than a long one), and trigram similarity
 * (typos, partial words), both over the given slots only. Ties go to the lower slot, so a ranking is stable.
 */
final class LexicalRanking {

    private static final float K1 = 1.2f;
    private static final float B = 0.75f;

    private LexicalRanking() {
    }

    /** The best {@code limit} of {@code slots} holding at least one of the query's terms, best first. */
    static List<UUID> fullText(MemoryIndex index, int[] slots, TextQuery query, int limit) {
        int terms = query.termCount();
        if (terms == 0 || slots.length == 0) {
            return List.of();
        }
        int[] masks = new int[slots.length];
        int[] documentFrequency = new int[terms];
        for (int i = 0; i < slots.length; i++) {
            int slot = slots[i];
            int[] signatures = index.signaturesOf(slot);
            int offset = MemoryIndex.signatureOffset(slot);
            int distinct = signatures[offset + 1];
            int mask = distinct <= TextFeatures.INLINE_TERMS ? query.matchedTerms(signatures, offset + 2, distinct)
                    : query.matchedTerms(index.featuresAt(slot));
            masks[i] = mask;
            for (int rest = mask; rest != 0; rest &= rest - 1) {
                documentFrequency[Integer.numberOfTrailingZeros(rest)]++;
            }
        }
        float[] idf = new float[terms];
        for (int t = 0; t < terms; t++) {
            idf[t] = (float) Math.log(1 + (slots.length - documentFrequency[t] + 0.5) / (documentFrequency[t] + 0.5));
        }
        float averageTerms = index.averageTerms();
        TopSlots best = new TopSlots(limit);
        for (int i = 0; i < slots.length; i++) {
            if (masks[i] == 0) {
                continue;
            }
            float weight = 0;
            for (int rest = masks[i]; rest != 0; rest &= rest - 1) {
                weight += idf[Integer.numberOfTrailingZeros(rest)];
            }
            int length = index.signaturesOf(slots[i])[MemoryIndex.signatureOffset(slots[i])];
            best.offer(slots[i], weight * (K1 + 1) / (1 + K1 * (1 - B + B * length / averageTerms)));
        }
        return best.ids(index);
    }

    /** The best {@code limit} of {@code slots} sharing at least {@link TextQuery#TRIGRAM_THRESHOLD} of the query's trigrams. */
    static List<UUID> trigram(MemoryIndex index, int[] slots, TextQuery query, int limit) {
        if (!query.hasTrigrams()) {
            return List.of();
        }
        TopSlots best = new TopSlots(limit);
        for (int slot : slots) {
            if (!query.mayShareTrigrams(index.signaturesOf(slot), MemoryIndex.signatureOffset(slot) + TextFeatures.TRIGRAM_SIGNATURE)) {
                continue;
            }
            float share = query.trigramShare(index.featuresAt(slot));
            if (share >= TextQuery.TRIGRAM_THRESHOLD) {
                best.offer(slot, share);
            }
        }
        return best.ids(index);
    }

    private record Ranked(int slot, float score) {
    }

    /** The best {@code limit} offers. */
    private static final class TopSlots {

        private static final Comparator<Ranked> BEST_FIRST =
                Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::slot);
        private final int limit;
        private final PriorityQueue<Ranked> worstFirst;

        TopSlots(int limit) {
            this.limit = limit;
            this.worstFirst = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        }

        void offer(int slot, float score) {
            if (worstFirst.size() < limit) {
                worstFirst.add(new Ranked(slot, score));
            } else if (limit > 0 && (score > worstFirst.peek().score()
                    || score == worstFirst.peek().score() && slot < worstFirst.peek().slot())) {
                worstFirst.poll();
                worstFirst.add(new Ranked(slot, score));
            }
        }

        List<UUID> ids(MemoryIndex index) {
            List<Ranked> ranked = new ArrayList<>(worstFirst);
            ranked.sort(BEST_FIRST);
            return ranked.stream().map(r -> index.memoryAt(r.slot()).id()).toList();
        }
    }
}
