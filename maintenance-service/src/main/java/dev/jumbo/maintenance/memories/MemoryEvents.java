package dev.jumbo.maintenance.memories;

import dev.jumbo.platform.outbox.OutboxEvent;
import dev.jumbo.platform.outbox.OutboxWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The memory events maintenance publishes for the changes it makes (through its own outbox, inside the
 * transaction of the change), so chat and memory consumers see merges and archivals exactly as they see
 * memory-service's own changes. Shapes: contracts/events/memory.memories.v1; this is maintenance's own copy.
 */
@Component
public class MemoryEvents {

    public static final String TOPIC = "memory.memories.v1";
    public static final String ADDED = "dev.jumbo.memory.memory-added.v1";
    public static final String UPDATED = "dev.jumbo.memory.memory-updated.v1";
    public static final String DELETED = "dev.jumbo.memory.memory-deleted.v1";

    public record MemoryAdded(String userId, UUID memoryId, String text, String category, String subject,
                              List<String> values, UUID sourceMessageId, Instant occurredAt) {
    }

    public record MemoryUpdated(String userId, UUID memoryId, String text, String previousText, String category,
                                String subject, List<String> values, UUID sourceMessageId, Instant occurredAt) {
    }

    public record MemoryDeleted(String userId, UUID memoryId, Instant occurredAt) {
    }

    private final OutboxWriter outbox;

    public MemoryEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Mono<Void> updated(StoredMemory memory, String previousText, Instant at) {
        return append(UPDATED, memory.userId(), new MemoryUpdated(memory.userId(), memory.id(), memory.text(), previousText,
                memory.category(), memory.subject(), memory.values(), memory.sourceMessageId(), millis(at)));
    }

    public Mono<Void> deleted(String userId, UUID memoryId, Instant at) {
        return append(DELETED, userId, new MemoryDeleted(userId, memoryId, millis(at)));
    }

    private Mono<Void> append(String type, String userId, Object payload) {
        return outbox.append(new OutboxEvent(TOPIC, type, userId, payload)).then();
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
