package dev.jumbo.maintenance.dedup;

import dev.jumbo.maintenance.memories.MemoryTables.TextPair;
import dev.jumbo.maintenance.memories.StoredMemory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which of one user's memories are near-duplicates and how to merge them. A pair is found when its
 * texts are trigram-similar AND its embeddings are cosine-similar (both thresholds configurable). A found pair is
 * merged into its most complete memory only when nothing is lost and they state the same thing: the other's
 * values are all among the survivor's, and they are about the same subject and relation (or one names the
 * other's subject). Otherwise it is skipped: "sister lives in Paris" and "sister lives in London" are different facts.
 */
public final class NearDuplicates {

    private final double cosineThreshold;

    public NearDuplicates(double cosineThreshold) {
        this.cosineThreshold = cosineThreshold;
    }

    public record Merge(StoredMemory survivor, StoredMemory merged, double cosine, double trigram) {
    }

    public record Plan(int pairsFound, int skipped, List<Merge> merges) {
    }

    /** @param pairs the trigram-similar pairs among {@code memories} (already over the trigram threshold) */
    public Plan plan(List<StoredMemory> memories, List<TextPair> pairs) {
        Map<UUID, StoredMemory> byId = memories.stream().collect(Collectors.toMap(StoredMemory::id, Function.identity()));
        record Candidate(StoredMemory a, StoredMemory b, double cosine, double trigram) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (TextPair pair : pairs) {
            StoredMemory a = byId.get(pair.a());
            StoredMemory b = byId.get(pair.b());
            if (a == null || b == null || a.embedding() == null || b.embedding() == null) {
                continue;
            }
            double cosine = cosine(a.embedding(), b.embedding());
            if (cosine >= cosineThreshold) {
                candidates.add(new Candidate(a, b, cosine, pair.similarity()));
            }
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> c.cosine() + c.trigram()).reversed());
        Set<UUID> gone = new HashSet<>();
        List<Merge> merges = new ArrayList<>();
        int skipped = 0;
        for (Candidate candidate : candidates) {
            if (gone.contains(candidate.a().id()) || gone.contains(candidate.b().id())) {
                continue;
            }
            boolean aFirst = COMPLETENESS.compare(candidate.a(), candidate.b()) >= 0;
            StoredMemory survivor = aFirst ? candidate.a() : candidate.b();
            StoredMemory merged = aFirst ? candidate.b() : candidate.a();
            if (!keepsEverything(survivor, merged) || !sameStatement(survivor, merged)) {
                skipped++;
                continue;
            }
            gone.add(merged.id());
            merges.add(new Merge(survivor, merged, candidate.cosine(), candidate.trigram()));
        }
        return new Plan(candidates.size(), skipped, merges);
    }

    /** More values, then the longer text, then the more recently updated, then the id (so the choice is stable). */
    static final Comparator<StoredMemory> COMPLETENESS = Comparator
            .comparingInt((StoredMemory m) -> normalized(m.values()).size())
            .thenComparingInt(m -> m.text().length())
            .thenComparing(StoredMemory::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StoredMemory::id);

    static boolean keepsEverything(StoredMemory survivor, StoredMemory merged) {
        return normalized(survivor.values()).containsAll(normalized(merged.values()));
    }

    static boolean sameStatement(StoredMemory a, StoredMemory b) {
        if (a.subject().equalsIgnoreCase(b.subject())) {
            return a.relation().equalsIgnoreCase(b.relation());
        }
        return mentions(a.text(), b.subject()) || mentions(b.text(), a.subject());
    }

    private static boolean mentions(String text, String subject) {
        return Pattern.compile("\\b" + Pattern.quote(subject) + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).find();
    }

    private static Set<String> normalized(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
