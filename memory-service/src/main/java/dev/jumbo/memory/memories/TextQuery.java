package dev.jumbo.memory.memories;

import java.util.Arrays;
import java.util.List;

/**
 * A search query as lexical matching reads it ({@link TextFeatures}): its distinct terms, at most
 * {@value #MAX_TERMS}, and its distinct trigrams, with what a scan over many memories asks of each one.
 */
final class TextQuery {

    static final int MAX_TERMS = 32;
    /** pg_trgm's default {@code word_similarity_threshold}, the bar of its {@code <%} operator. */
    static final float TRIGRAM_THRESHOLD = 0.6f;
    private static final int FILTER_BITS = 4096;

    private final int[] terms;
    private final int[] trigrams;
    /** One bit per trigram hash modulo {@value #FILTER_BITS}: most of a memory's trigrams are ruled out by one L1 read. */
    private final long[] trigramFilter = new long[FILTER_BITS / 64];
    /** The trigrams' signature bits, when no two trigrams share one (else null: no bound can be drawn from it). */
    private final int[] trigramMask;
    private final int trigramsNeeded;

    private TextQuery(int[] terms, int[] trigrams) {
        this.terms = terms;
        this.trigrams = trigrams;
        int[] mask = new int[8];
        boolean distinctBits = true;
        for (int trigram : trigrams) {
            int bit = trigram & (FILTER_BITS - 1);
            trigramFilter[bit >>> 6] |= 1L << bit;
            int signatureBit = TextFeatures.trigramBit(trigram);
            distinctBits &= (mask[signatureBit >>> 5] & (1 << signatureBit)) == 0;
            mask[signatureBit >>> 5] |= 1 << signatureBit;
        }
        this.trigramMask = distinctBits ? mask : null;
        this.trigramsNeeded = (int) Math.ceil(TRIGRAM_THRESHOLD * trigrams.length - 1e-6);
    }

    static TextQuery of(String query) {
        List<String> words = TextFeatures.words(query);
        int[] termHashes = TextFeatures.terms(words);
        int[] terms = TextFeatures.sortedDistinct(termHashes, termHashes.length);
        return new TextQuery(Arrays.copyOf(terms, Math.min(terms.length, MAX_TERMS)), TextFeatures.trigrams(words));
    }

    /** Whether a memory with this trigram signature may share enough trigrams to pass {@link #TRIGRAM_THRESHOLD}. */
    boolean mayShareTrigrams(int[] signatures, int offset) {
        if (trigramMask == null) {
            return true;
        }
        int bound = 0;
        for (int i = 0; i < 8; i++) {
            bound += Integer.bitCount(signatures[offset + i] & trigramMask[i]);
        }
        return bound >= trigramsNeeded;
    }

    int termCount() {
        return terms.length;
    }

    boolean hasTrigrams() {
        return trigrams.length > 0;
    }

    /** Bit {@code i} is set when the memory holds the query's term {@code i}. */
    int matchedTerms(TextFeatures memory) {
        return matchedTerms(memory.terms(), 0, memory.terms().length);
    }

    /** Like {@link #matchedTerms(TextFeatures)} over {@code count} term hashes from {@code offset}. */
    int matchedTerms(int[] memoryTerms, int offset, int count) {
        int mask = 0;
        for (int j = offset; j < offset + count; j++) {
            int term = memoryTerms[j];
            for (int i = 0; i < terms.length; i++) {
                if (terms[i] == term) {
                    mask |= 1 << i;
                }
            }
        }
        return mask;
    }

    /**
     * The share of the query's trigrams found in the memory: the bound pg_trgm's index check puts on
     * {@code word_similarity}, and what {@code <%} compares with {@link #TRIGRAM_THRESHOLD} here.
     */
    float trigramShare(TextFeatures memory) {
        int shared = 0;
        for (int trigram : memory.trigrams()) {
            int bit = trigram & (FILTER_BITS - 1);
            if ((trigramFilter[bit >>> 6] & (1L << bit)) != 0 && Arrays.binarySearch(trigrams, trigram) >= 0) {
                shared++;
            }
        }
        return (float) shared / trigrams.length;
    }
}
