package dev.jumbo.maintenance.dedup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.memories.MemoryEvents;
import dev.jumbo.maintenance.memories.MemoryTables;
import dev.jumbo.maintenance.memories.StoredMemory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Merges one user's near-duplicate memories in one transaction, under memory-service's per-user lock: the
 * survivor gets a {@code merged} history row with the other's text and inherits the other's history; the other is
 * deleted; memory-updated / memory-deleted events go to the outbox and the user's memory version is bumped.
 */
@Component
public class Deduplicator {

    private static final Logger log = LoggerFactory.getLogger(Deduplicator.class);

    private final MemoryTables memories;
    private final MemoryEvents events;
    private final TransactionalOperator transactions;
    private final MaintenanceProperties.Dedup settings;
    private final NearDuplicates nearDuplicates;
    private final Clock clock;

    public Deduplicator(MemoryTables memories, MemoryEvents events, TransactionalOperator transactions,
                        MaintenanceProperties properties, Clock clock) {
        this.memories = memories;
        this.events = events;
        this.transactions = transactions;
        this.settings = properties.dedup();
        this.nearDuplicates = new NearDuplicates(settings.cosineThreshold());
        this.clock = clock;
    }

    /** What one user's pass found. */
    public record Result(int pairsFound, int merged, int skipped) {

        public static final Result NONE = new Result(0, 0, 0);

        public Result plus(Result other) {
            return new Result(pairsFound + other.pairsFound, merged + other.merged, skipped + other.skipped);
        }
    }

    /** Dedups the user in its own transaction (joins the caller's when there is one, e.g. an idempotent consumer). */
    public Mono<Result> dedupUser(String userId) {
        return transactions.transactional(memories.lockUser(userId).then(Mono.defer(() -> pass(userId))));
    }

    public Flux<String> users() {
        return memories.usersWithActiveMemories();
    }

    private Mono<Result> pass(String userId) {
        // one after the other: both run on the transaction's single connection
        return memories.activeOf(userId).collectList()
                .zipWhen(active -> memories.similarTexts(userId, settings.trigramThreshold()).collectList())
                .flatMap(loaded -> {
                    NearDuplicates.Plan plan = nearDuplicates.plan(loaded.getT1(), loaded.getT2());
                    Result result = new Result(plan.pairsFound(), plan.merges().size(), plan.skipped());
                    if (plan.merges().isEmpty()) {
                        return Mono.just(result);
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return Flux.fromIterable(plan.merges())
                            .concatMap(merge -> merge(merge, now))
                            .then(memories.bumpVersion(userId))
                            .doOnSuccess(done -> log.info("Merged {} near-duplicate memories of user {}", result.merged(), userId))
                            .thenReturn(result);
                });
    }

    private Mono<Void> merge(NearDuplicates.Merge merge, Instant now) {
        StoredMemory survivor = merge.survivor();
        StoredMemory merged = merge.merged();
        Instant createdAt = Stream.of(survivor.createdAt(), merged.createdAt()).min(Comparator.naturalOrder()).orElseThrow();
        Instant recalled = Stream.of(survivor.lastRecalledAt(), merged.lastRecalledAt())
                .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return memories.moveHistory(merged.id(), survivor.id())
                .then(memories.addHistory(new StoredMemory(survivor.id(), merged.userId(), merged.text(), merged.category(),
                        merged.subject(), merged.relation(), merged.values(), null, merged.sourceMessageId(),
                        merged.createdAt(), merged.updatedAt(), merged.lastRecalledAt(), null), "merged", now))
                .then(memories.absorb(survivor.id(), createdAt, recalled, now))
                .then(memories.delete(merged.id()))
                .then(events.deleted(merged.userId(), merged.id(), now))
                .then(events.updated(survivor, survivor.text(), now));
    }
}
