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
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code archive}: memories neither recalled nor created for {@code staleAfter} (default 180 days) and not
 * important get {@code archived_at}, exactly as memory-service's PATCH {@code archived:true} does it (history row
 * {@code archived}, memory-updated event, version bump), one transaction per user. Archived memories leave recall
 * and default lists, stay in exports, and PATCH {@code archived:false} restores them. Only user ids are held for
 * the whole run; each user's candidates are read inside that user's transaction.
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
        UserResult total = memories.usersWithStaleMemories(cutoff)
                .concatMap(user -> archiveUser(user, cutoff, now))
                .reduce(UserResult.NONE, UserResult::plus)
                .block();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("stale", total.stale());
        stats.put("keptImportant", total.keptImportant());
        stats.put("archived", total.archived());
        stats.put("users", total.users());
        stats.put("cutoff", cutoff.toString());
        return new JobOutcome(total.archived(), stats);
    }

    private record UserResult(long users, long stale, long keptImportant, long archived) {

        static final UserResult NONE = new UserResult(0, 0, 0, 0);

        UserResult plus(UserResult other) {
            return new UserResult(users + other.users, stale + other.stale, keptImportant + other.keptImportant,
                    archived + other.archived);
        }
    }

    /** One transaction per user, under memory-service's lock: candidates are read (and so checked) inside it. */
    private Mono<UserResult> archiveUser(String userId, Instant cutoff, Instant now) {
        Mono<UserResult> work = memories.lockUser(userId)
                .then(memories.staleOf(userId, cutoff).collectList())
                .flatMap(stale -> {
                    List<StoredMemory> unimportant = stale.stream().filter(m -> !importance.isImportant(m)).toList();
                    return Flux.fromIterable(unimportant)
                            .concatMap(memory -> archive(memory, now))
                            .reduce(0L, Long::sum)
                            .flatMap(count -> (count == 0 ? Mono.<Void>empty() : memories.bumpVersion(userId))
                                    .thenReturn(new UserResult(1, stale.size(), stale.size() - unimportant.size(), count)));
                });
        return transactions.transactional(work);
    }

    private Mono<Long> archive(StoredMemory current, Instant now) {
        return memories.addHistory(current, "archived", now)
                .then(memories.archive(current.id(), now))
                .flatMap(rows -> rows == 0 ? Mono.just(0L) : events.updated(current, current.text(), now).thenReturn(rows));
    }
}
