package dev.jumbo.memory.memories;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
    /** The trigrams' signature bits; {@code sharedBits} are those two or more trigrams map to, with how many more. */
    private final int[] trigramMask = new int[8];
    private final int[] sharedBits;
    private final int[] sharedExtra;
    private final int trigramsNeeded;

    private TextQuery(int[] terms, int[] trigrams) {
        this.terms = terms;
        this.trigrams = trigrams;
        int[] perBit = new int[256];
        for (int trigram : trigrams) {
            int bit = trigram & (FILTER_BITS - 1);
            trigramFilter[bit >>> 6] |= 1L << bit;
            int signatureBit = TextFeatures.trigramBit(trigram);
            trigramMask[signatureBit >>> 5] |= 1 << signatureBit;
            perBit[signatureBit]++;
        }
        this.sharedBits = IntStream.range(0, 256).filter(bit -> perBit[bit] > 1).toArray();
        this.sharedExtra = Arrays.stream(sharedBits).map(bit -> perBit[bit] - 1).toArray();
        this.trigramsNeeded = (int) Math.ceil(TRIGRAM_THRESHOLD * trigrams.length - 1e-6);
    }

    static TextQuery of(String query) {
        List<String> words = TextFeatures.words(query);
        int[] termHashes = TextFeatures.terms(words);
        int[] terms = TextFeatures.sortedDistinct(termHashes, termHashes.length);
        return new TextQuery(Arrays.copyOf(terms, Math.min(terms.length, MAX_TERMS)), TextFeatures.trigrams(words));
    }

    /**
     * Whether a memory with this trigram signature may share enough trigrams to pass {@link #TRIGRAM_THRESHOLD}:
     * every trigram it shares with the query has its bit set, so the query trigrams whose bits are set bound them.
     */
    boolean mayShareTrigrams(int[] signatures, int offset) {
        int bound = 0;
        for (int i = 0; i < 8; i++) {
            bound += Integer.bitCount(signatures[offset + i] & trigramMask[i]);
        }
        for (int i = 0; i < sharedBits.length; i++) {
            int bit = sharedBits[i];
            if ((signatures[offset + (bit >>> 5)] & (1 << bit)) != 0) {
                bound += sharedExtra[i];
            }
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
