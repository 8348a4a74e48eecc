package dev.jumbo.memory.embedding;

/**
 * One bit per dimension of a vector: set where the component is positive. The Hamming distance between two codes
 * estimates the angle between the vectors (each differing bit is a hyperplane through the origin separating
 * them), so a scan over 48-byte codes with {@link Long#bitCount} (one POPCNT instruction each) shortlists the
 * nearest vectors at a thirty-second of the memory traffic of a scan over their floats.
 */
public final class SignCodes {

    /** 64-bit words per code. */
    public static final int WORDS = SentenceEmbedder.DIMENSIONS / Long.SIZE;

    private SignCodes() {
    }

    /** Writes the code of {@code vector} into {@code codes} from {@code offset} ({@link #WORDS} words). */
    public static void encode(float[] vector, long[] codes, int offset) {
        for (int w = 0; w < WORDS; w++) {
            long word = 0;
            int base = w * Long.SIZE;
            for (int bit = 0; bit < Long.SIZE; bit++) {
                if (vector[base + bit] > 0f) {
                    word |= 1L << bit;
                }
            }
            codes[offset + w] = word;
        }
    }

    public static long[] of(float[] vector) {
        long[] code = new long[WORDS];
        encode(vector, code, 0);
        return code;
    }

    /** Number of dimensions whose signs differ between {@code code} and the code in {@code codes} at {@code offset}. */
    public static int distance(long[] code, long[] codes, int offset) {
        int bits = 0;
        for (int w = 0; w < WORDS; w++) {
            bits += Long.bitCount(code[w] ^ codes[offset + w]);
        }
        return bits;
    }
}
