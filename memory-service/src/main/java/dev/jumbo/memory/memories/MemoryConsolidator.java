package dev.jumbo.memory.memories;

import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.extraction.Fact;
import dev.jumbo.memory.extraction.FactKind;
import dev.jumbo.memory.extraction.FactText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Consolidates the facts of one message with what the user's memories already hold, in the caller's
 * transaction and under the user's advisory lock:
 * <ul>
 *   <li>the same fact again: no new memory, only {@code last_recalled_at} is stamped;</li>
 *   <li>a new value of a single-valued relation (lives in, works at): that memory is updated, the old
 *       version goes to history;</li>
 *   <li>new values of an additive relation (friends, likes): merged into that memory, with history;</li>
 *   <li>a retraction ("I don't work at Google anymore"): the value is removed; a memory left without values is
 *       archived (kept, with history), never deleted;</li>
 *   <li>anything else: a new memory.</li>
 * </ul>
 * A new fact is never dropped because of a conflict, and no memory of another subject or relation is touched.
 */
@Component
public class MemoryConsolidator {

    private final MemoryRepository memories;
    private final MemoryEvents events;
    private final SentenceEmbedder embedder;

    public MemoryConsolidator(MemoryRepository memories, MemoryEvents events, SentenceEmbedder embedder) {
        this.memories = memories;
        this.events = events;
        this.embedder = embedder;
    }

    /** What consolidation did with each fact. */
    public enum Outcome { ADDED, UPDATED, MERGED, UNCHANGED, RETRACTED, IGNORED }

    /** Applies {@code facts}; must run inside a transaction. Emits the outcome of each fact, in order. */
    public Mono<List<Outcome>> consolidate(String userId, UUID messageId, List<Fact> facts) {
        if (facts.isEmpty()) {
            return Mono.just(List.of());
        }
        // statements first, then retractions: "Quit the bakery, I'm a barista at Blue Bottle now" updates one memory
        List<Fact> ordered = new ArrayList<>(facts);
        ordered.sort(Comparator.comparing(Fact::negated));
        List<String> subjects = ordered.stream().map(Fact::subject).distinct().toList();
        return memories.lockUser(userId)
                .thenMany(memories.findBySubjects(userId, subjects))
                .filter(memory -> !memory.archived())
                .collectList()
                .flatMap(existing -> {
                    List<Memory> known = new ArrayList<>(existing);
                    return Flux.fromIterable(ordered)
                            .concatMap(fact -> apply(userId, messageId, fact, known))
                            .collectList();
                })
                .flatMap(outcomes -> outcomes.stream().allMatch(o -> o == Outcome.UNCHANGED || o == Outcome.IGNORED)
                        ? Mono.just(outcomes)
                        : memories.bumpVersion(userId).thenReturn(outcomes));
    }

    private Mono<Outcome> apply(String userId, UUID messageId, Fact fact, List<Memory> known) {
        List<Memory> sameRelation = known.stream()
                .filter(m -> m.subject().equals(fact.subject()) && m.relation().equals(fact.relation()))
                .toList();
        if (fact.negated()) {
            return retract(messageId, fact, sameRelation, known);
        }
        if (fact.kind() == FactKind.DISTINCT) {
            Optional<Memory> same = sameRelation.stream().filter(m -> sameValues(m.values(), fact.values())).findFirst();
            return same.isPresent() ? unchanged(same.get()) : add(userId, messageId, fact, known);
        }
        if (sameRelation.isEmpty()) {
            return add(userId, messageId, fact, known);
        }
        Memory current = sameRelation.get(0);
        if (fact.kind() == FactKind.ADDITIVE) {
            List<String> merged = union(current.values(), fact.values());
            if (merged.size() == current.values().size()) {
                return unchanged(current);
            }
            String text = FactText.render(fact.subject(), fact.relation(), merged, false, fact.detail());
            return change(current, text, merged, messageId, "merged", known).thenReturn(Outcome.MERGED);
        }
        if (sameValues(current.values(), fact.values())) {
            return unchanged(current);
        }
        return change(current, fact.text(), fact.values(), messageId, "updated", known).thenReturn(Outcome.UPDATED);
    }

    private Mono<Outcome> retract(UUID messageId, Fact fact, List<Memory> sameRelation, List<Memory> known) {
        for (Memory current : sameRelation) {
            List<String> remaining = current.values().stream()
                    .filter(value -> fact.values().stream().noneMatch(gone -> matches(value, gone)))
                    .toList();
            if (remaining.size() == current.values().size()) {
                continue;
            }
            if (remaining.isEmpty()) {
                String text = FactText.render(current.subject(), current.relation(), current.values(), true, null);
                Memory archived = withContent(current, text, current.values(), messageId, null)
                        .withArchived(Instant.now().truncatedTo(ChronoUnit.MICROS));
                return write(current, archived, "retracted", known).thenReturn(Outcome.RETRACTED);
            }
            String text = FactText.render(current.subject(), current.relation(), remaining, false, null);
            return change(current, text, remaining, messageId, "retracted", known).thenReturn(Outcome.RETRACTED);
        }
        return Mono.just(Outcome.IGNORED);
    }

    private Mono<Outcome> add(String userId, UUID messageId, Fact fact, List<Memory> known) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return embedder.embed(fact.text()).flatMap(vector -> {
            Memory memory = new Memory(UUID.randomUUID(), userId, fact.text(), fact.category(), fact.subject(),
                    fact.relation(), fact.values(), vector, ContentHash.of(fact.subject(), fact.relation(), fact.values()),
                    messageId, now, now, null, null);
            known.add(memory);
            return memories.insert(memory).then(events.added(memory)).thenReturn(Outcome.ADDED);
        });
    }

    private Mono<Outcome> unchanged(Memory current) {
        return memories.touchRecalled(List.of(current.id())).thenReturn(Outcome.UNCHANGED);
    }

    private Mono<Void> change(Memory current, String text, List<String> values, UUID messageId, String change,
                              List<Memory> known) {
        return embedder.embed(text).flatMap(vector ->
                write(current, withContent(current, text, values, messageId, vector), change, known));
    }

    private Mono<Void> write(Memory previous, Memory next, String change, List<Memory> known) {
        known.remove(previous);
        if (!next.archived()) {
            known.add(next);
        }
        Mono<Memory> withVector = next.embedding() != null ? Mono.just(next)
                : embedder.embed(next.text()).map(vector -> next.withEmbedding(vector));
        return withVector.flatMap(memory -> memories.addHistory(previous, change)
                .then(memories.update(memory))
                .then(events.updated(memory, previous.text())));
    }

    private static Memory withContent(Memory current, String text, List<String> values, UUID messageId, float[] vector) {
        return new Memory(current.id(), current.userId(), text, current.category(), current.subject(), current.relation(),
                values, vector, ContentHash.of(current.subject(), current.relation(), values), messageId,
                current.createdAt(), Instant.now().truncatedTo(ChronoUnit.MICROS), current.lastRecalledAt(),
                current.archivedAt());
    }

    static boolean sameValues(List<String> a, List<String> b) {
        return normalised(a).equals(normalised(b));
    }

    private static Set<String> normalised(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT).trim()));
        return Set.copyOf(out);
    }

    private static List<String> union(List<String> existing, List<String> added) {
        List<String> merged = new ArrayList<>(existing);
        for (String value : added) {
            if (existing.stream().noneMatch(v -> v.equalsIgnoreCase(value.trim()))) {
                merged.add(value.trim());
            }
        }
        return merged;
    }

    /** A retracted value matches a stored one loosely ("the bakery" retracts "bakery downtown"); "*" matches all. */
    static boolean matches(String stored, String retracted) {
        String a = stored.toLowerCase(Locale.ROOT).trim();
        String b = retracted.toLowerCase(Locale.ROOT).trim();
        return b.equals("*") || a.equals(b) || a.contains(b) || b.contains(a);
    }
}
