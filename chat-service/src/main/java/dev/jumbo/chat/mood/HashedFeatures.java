package dev.jumbo.chat.mood;

import java.util.Arrays;
import java.util.List;

/**
 * Word unigram and bigram features (with negation marks) hashed into a fixed number of buckets.
 * The trainer and the runtime model share this class, so training and serving see the same features.
 */
public final class HashedFeatures {

    private HashedFeatures() {
    }

    /** Distinct bucket indices of the text's features; {@code buckets} must be a power of two. */
    public static int[] of(String text, int buckets) {
        return of(TextTokens.of(text), buckets);
    }

    /** Distinct bucket indices of already tokenised text. */
    public static int[] of(List<TextTokens.Token> tokens, int buckets) {
        int[] features = new int[tokens.size() * 2 + 1];
        int n = 0;
        features[n++] = bucket("<bias-free-start>", buckets);
        String previous = "<s>";
        for (TextTokens.Token token : tokens) {
            String feature = token.feature();
            features[n++] = bucket(feature, buckets);
            features[n++] = bucket(previous + " " + feature, buckets);
            previous = feature;
        }
        Arrays.sort(features, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || features[i] != features[i - 1]) {
                features[distinct++] = features[i];
            }
        }
        return Arrays.copyOf(features, distinct);
    }

    static int bucket(String feature, int buckets) {
        // FNV-1a then a murmur finaliser: stable across JVMs, unlike relying on String.hashCode's spread
        int hash = 0x811c9dc5;
        for (int i = 0; i < feature.length(); i++) {
            hash ^= feature.charAt(i);
            hash *= 0x01000193;
        }
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        return hash & (buckets - 1);
    }
}
