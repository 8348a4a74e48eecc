package dev.jumbo.chat.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Chooses among phrasings deterministically (seeded by the message id) and never a sentence already said in
 * the conversation, nor twice in one reply.
 */
final class SentencePicker {

    private final long seed;
    private final Set<String> used;
    private final List<String> chosen = new ArrayList<>();
    private int draws;

    SentencePicker(UUID messageId, Set<String> used) {
        this.seed = messageId.getMostSignificantBits() ^ messageId.getLeastSignificantBits();
        this.used = new HashSet<>(used);
    }

    /** The key a sentence is remembered by: case and surrounding space do not make a sentence new. */
    static String key(String sentence) {
        return sentence.strip().toLowerCase(Locale.ROOT);
    }

    /** A seeded draw in [0, bound): the same message gets the same choices. */
    int draw(int bound) {
        long mixed = (seed + 0x9E3779B97F4A7C15L * ++draws);
        mixed = (mixed ^ (mixed >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (int) Math.floorMod(mixed ^ (mixed >>> 29), (long) bound);
    }

    Optional<String> pick(List<String> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int start = draw(candidates.size());
        for (int k = 0; k < candidates.size(); k++) {
            String candidate = capitalise(candidates.get((start + k) % candidates.size()));
            if (!used.contains(key(candidate))) {
                used.add(key(candidate));
                chosen.add(key(candidate));
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Optional<String> pickFirstAvailable(List<List<String>> pools) {
        for (List<String> pool : pools) {
            Optional<String> picked = pick(pool);
            if (picked.isPresent()) {
                return picked;
            }
        }
        return Optional.empty();
    }

    List<String> chosen() {
        return List.copyOf(chosen);
    }

    private static String capitalise(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
