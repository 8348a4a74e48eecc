package dev.jumbo.maintenance.archive;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.jobs.Job;
import dev.jumbo.maintenance.jobs.JobOutcome;
import dev.jumbo.maintenance.memories.MemoryEvents;
import dev.jumbo.maintenance.memories.MemoryTables;
import dev.jumbo.maintenance.memories.StoredMemory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code archive}: memories neither recalled nor created for {@code staleAfter} (default 180 days) and not
 * important get {@code archived_at}, exactly as memory-service's PATCH {@code archived:true} does it (history row
 * {@code archived}, memory-updated event, version bump), one transaction per user. Archived memories leave recall
 * and default lists, stay in exports, and PATCH {@code archived:false} restores them.
 */
@Component
class ArchiveJob implements Job {

    private final MemoryTables memories;
    private final MemoryEvents events;
    private final TransactionalOperator transactions;
    private final MaintenanceProperties.Archive settings;
    private final Importance importance;
    private final Clock clock;

    ArchiveJob(MemoryTables memories, MemoryEvents events, TransactionalOperator transactions,
               MaintenanceProperties properties, Clock clock) {
        this.memories = memories;
        this.events = events;
        this.transactions = transactions;
        this.settings = properties.archive();
        this.importance = new Importance(settings);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public JobOutcome run(Map<String, String> parameters) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.minus(settings.staleAfter());
        List<StoredMemory> stale = memories.staleBefore(cutoff).collectList().block();
        List<StoredMemory> unimportant = stale.stream().filter(m -> !importance.isImportant(m)).toList();
        Map<String, List<StoredMemory>> byUser = unimportant.stream()
                .collect(Collectors.groupingBy(StoredMemory::userId, LinkedHashMap::new, Collectors.toList()));
        long archived = Flux.fromIterable(byUser.entrySet())
                .concatMap(entry -> archiveUser(entry.getKey(), entry.getValue(), cutoff, now))
                .reduce(0L, Long::sum)
                .block();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("stale", stale.size());
        stats.put("keptImportant", stale.size() - unimportant.size());
        stats.put("archived", archived);
        stats.put("users", byUser.size());
        stats.put("cutoff", cutoff.toString());
        return new JobOutcome(archived, stats);
    }

    private Mono<Long> archiveUser(String userId, List<StoredMemory> candidates, Instant cutoff, Instant now) {
        Mono<Long> work = memories.lockUser(userId)
                .then(Flux.fromIterable(candidates)
                        .concatMap(candidate -> memories.find(candidate.id())
                                .filter(current -> stillStale(current, cutoff))
                                .flatMap(current -> archive(current, now)))
                        .reduce(0L, Long::sum))
                .flatMap(count -> count == 0 ? Mono.just(0L) : memories.bumpVersion(userId).thenReturn(count));
        return transactions.transactional(work);
    }

    /** Checked again inside the user's lock: a recall or an edit since the scan keeps the memory. */
    private boolean stillStale(StoredMemory current, Instant cutoff) {
        Instant lastUse = Objects.requireNonNullElse(current.lastRecalledAt(), current.createdAt());
        return current.archivedAt() == null && lastUse.isBefore(cutoff) && !importance.isImportant(current);
    }

    private Mono<Long> archive(StoredMemory current, Instant now) {
        return memories.addHistory(current, "archived", now)
                .then(memories.archive(current.id(), now))
                .flatMap(rows -> rows == 0 ? Mono.just(0L) : events.updated(current, current.text(), now).thenReturn(rows));
    }
}
