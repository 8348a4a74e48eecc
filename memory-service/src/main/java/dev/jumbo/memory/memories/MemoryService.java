package dev.jumbo.memory.memories;

import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.platform.web.ProblemException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The memory commands and queries the public API serves. Another user's memory does not exist (404). */
@Service
public class MemoryService {

    private final MemoryRepository memories;
    private final HybridSearch search;
    private final MemoryEvents events;
    private final SentenceEmbedder embedder;
    private final TransactionalOperator transactions;

    public MemoryService(MemoryRepository memories, HybridSearch search, MemoryEvents events, SentenceEmbedder embedder,
                         TransactionalOperator transactions) {
        this.memories = memories;
        this.search = search;
        this.events = events;
        this.embedder = embedder;
        this.transactions = transactions;
    }

    public record Page(List<MemoryView> items, String nextCursor) {
    }

    public record ListQuery(String query, String category, boolean includeArchived, int limit, String cursor) {
    }

    public Mono<Page> list(String userId, ListQuery q) {
        if (q.query() == null) {
            PageCursor after = q.cursor() == null ? null : PageCursor.decode(q.cursor(), false);
            return memories.page(userId, q.category(), q.includeArchived(), after == null ? null : after.createdAt(),
                            after == null ? null : after.id(), q.limit() + 1)
                    .collectList()
                    .map(rows -> {
                        boolean more = rows.size() > q.limit();
                        List<Memory> page = more ? rows.subList(0, q.limit()) : rows;
                        return new Page(page.stream().map(MemoryView::of).toList(),
                                more ? PageCursor.after(page.get(page.size() - 1)).encode() : null);
                    });
        }
        int offset = q.cursor() == null ? 0 : PageCursor.decode(q.cursor(), true).offset();
        return search.search(userId, q.query(), q.category(), q.includeArchived()).flatMap(hits -> {
            List<HybridSearch.Hit> page = hits.stream().skip(offset).limit(q.limit()).toList();
            String next = offset + page.size() < hits.size() ? PageCursor.offset(offset + page.size()).encode() : null;
            Map<UUID, Integer> order = new HashMap<>();
            for (int i = 0; i < page.size(); i++) {
                order.put(page.get(i).id(), i);
            }
            return memories.findAllForUser(page.stream().map(HybridSearch.Hit::id).toList(), userId)
                    .collectList()
                    .map(found -> new Page(found.stream().sorted(Comparator.comparing(m -> order.get(m.id())))
                            .map(MemoryView::of).toList(), next));
        });
    }

    public Mono<MemoryView> get(String userId, UUID id) {
        return owned(userId, id).flatMap(memory -> memories.history(id).collectList()
                .map(history -> MemoryView.of(memory, history)));
    }

    /** Edits the text (re-embedded; the old text goes to history) and/or archives or restores the memory. */
    public Mono<MemoryView> patch(String userId, UUID id, String text, Boolean archived) {
        Mono<MemoryView> work = memories.lockUser(userId).then(owned(userId, id)).flatMap(current -> {
            String newText = text == null ? current.text() : text.strip();
            Instant archivedAt = archived == null ? current.archivedAt()
                    : archived ? (current.archivedAt() != null ? current.archivedAt() : now()) : null;
            if (newText.equals(current.text()) && java.util.Objects.equals(archivedAt, current.archivedAt())) {
                return Mono.just(current);
            }
            String change = !newText.equals(current.text()) ? "edited" : archivedAt == null ? "restored" : "archived";
            return embedder.embed(newText).flatMap(vector -> {
                Memory next = new Memory(current.id(), userId, newText, current.category(), current.subject(),
                        current.relation(), current.values(), vector, current.contentHash(), current.sourceMessageId(),
                        current.createdAt(), now(), current.lastRecalledAt(), archivedAt);
                return memories.addHistory(current, change)
                        .then(memories.update(next))
                        .then(events.updated(next, current.text()))
                        .then(memories.bumpVersion(userId))
                        .thenReturn(next);
            });
        }).flatMap(memory -> get(userId, memory.id()));
        return transactions.transactional(work);
    }

    public Mono<Void> delete(String userId, UUID id) {
        Mono<Void> work = memories.lockUser(userId)
                .then(memories.delete(id, userId))
                .flatMap(deleted -> deleted == 0 ? Mono.error(notFound())
                        : events.deleted(userId, id).then(memories.bumpVersion(userId))
                                .then(memories.pruneDeletions(userId)));
        return transactions.transactional(work);
    }

    private Mono<Memory> owned(String userId, UUID id) {
        return memories.findForUser(id, userId).switchIfEmpty(Mono.error(notFound()));
    }

    static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such memory.");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
