package dev.jumbo.memory.memories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * What lexical search reads of a memory, computed once when the memory enters a {@link MemoryIndex}: the hashes of
 * its stemmed words without stop words ({@code terms}, as PostgreSQL's {@code english} text search configuration
 * forms them: lowercased letter/digit runs, Snowball English stems, the Snowball stop list) over text and subject,
 * and the hashes of its distinct trigrams ({@code trigrams}, sorted, as {@code pg_trgm} forms them: each word padded
 * with two spaces in front and one behind). Hashes, not strings: a scan over a heavy user's memories compares ints;
 * two different words sharing a 32-bit hash only blur one ranking a little, they lose nothing.
 */
record TextFeatures(int[] terms, int[] trigrams) {

    static final int MAX_WORDS = 64;
    static final int INLINE_TERMS = 8;
    /** Where the trigram signature starts in a memory's {@link #writeSignatures} ints. */
    static final int TRIGRAM_SIGNATURE = 2 + INLINE_TERMS;
    /** Ints per memory in a {@link MemoryIndex}'s signature chunks. */
    static final int SIGNATURE_INTS = TRIGRAM_SIGNATURE + 8;
    private static final Set<String> STOP_WORDS = Set.of("i", "me", "my", "myself", "we", "our", "ours", "ourselves",
            "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
            "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who",
            "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have",
            "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because",
            "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through",
            "during", "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over",
            "under", "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any",
            "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same",
            "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "should", "now");
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    static TextFeatures of(String text, String subject) {
        List<String> words = words(subject == null ? text : text + " " + subject);
        return new TextFeatures(terms(words), trigrams(words(text)));
    }

    /** The lowercased letter/digit runs of {@code text}, at most {@value #MAX_WORDS}. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length() && words.size() < MAX_WORDS; i++) {
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** The term hashes of {@code words}: stemmed, stop words left out, each as often as it occurs. */
    static int[] terms(List<String> words) {
        int[] terms = new int[words.size()];
        int n = 0;
        for (String word : words) {
            if (!STOP_WORDS.contains(word)) {
                terms[n++] = stem(word).hashCode();
            }
        }
        return Arrays.copyOf(terms, n);
    }

    static String stem(String word) {
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** The distinct trigram hashes of {@code words}, sorted. */
    static int[] trigrams(List<String> words) {
        int size = 0;
        for (String word : words) {
            size += word.length() + 1;
        }
        int[] trigrams = new int[size];
        int n = 0;
        for (String word : words) {
            int length = word.length() + 3;
            for (int i = 0; i + 3 <= length; i++) {
                trigrams[n++] = trigram(padded(word, i), padded(word, i + 1), padded(word, i + 2));
            }
        }
        return sortedDistinct(trigrams, n);
    }

    /** Character {@code i} of {@code "  " + word + " "}, without building that string. */
    private static char padded(String word, int i) {
        return i < 2 || i - 2 >= word.length() ? ' ' : word.charAt(i - 2);
    }

    static int[] sortedDistinct(int[] values, int n) {
        Arrays.sort(values, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || values[distinct - 1] != values[i]) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }

    /** The bit (0–255) of a trigram in a 256-bit trigram signature. */
    static int trigramBit(int trigram) {
        return (trigram * 0x85EBCA77) >>> 24;
    }

    /**
     * Writes what a scan reads of this memory at {@code offset}, {@value #SIGNATURE_INTS} ints beside the other
     * memories' (no pointer to follow): its number of terms, its number of distinct terms and the first
     * {@value #INLINE_TERMS} of them, and a 256-bit signature of its trigrams in eight ints.
     */
    void writeSignatures(int[] into, int offset) {
        int[] distinct = sortedDistinct(terms.clone(), terms.length);
        into[offset] = terms.length;
        into[offset + 1] = distinct.length;
        Arrays.fill(into, offset + 2, offset + SIGNATURE_INTS, 0);
        System.arraycopy(distinct, 0, into, offset + 2, Math.min(distinct.length, INLINE_TERMS));
        for (int trigram : trigrams) {
            int bit = trigramBit(trigram);
            into[offset + TRIGRAM_SIGNATURE + (bit >>> 5)] |= 1 << bit;
        }
    }

    private static int trigram(char a, char b, char c) {
        long packed = ((long) a << 32) | ((long) b << 16) | c;
        return Long.hashCode(packed * 0x9E3779B97F4A7C15L);
    }
}
