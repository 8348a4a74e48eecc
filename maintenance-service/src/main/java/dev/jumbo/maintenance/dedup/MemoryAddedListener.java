package dev.jumbo.maintenance.dedup;

import dev.jumbo.maintenance.memories.MemoryEvents;
import dev.jumbo.platform.messaging.IdempotentEventProcessor;
import dev.jumbo.platform.messaging.IncomingEvent;
import dev.jumbo.platform.messaging.PoisonEventException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Incremental dedup: a memory-added event dedups that user at once, once per event. Other memory events are ignored. */
@Component
class MemoryAddedListener {

    static final String CONSUMER = "maintenance-dedup";
    private static final Logger log = LoggerFactory.getLogger(MemoryAddedListener.class);

    /** maintenance's own copy of {@code dev.jumbo.memory.memory-added.v1} (contracts/events/memory.memories.v1). */
    record MemoryAdded(String userId, UUID memoryId, String text, String category, String subject, List<String> values,
                       UUID sourceMessageId, Instant occurredAt) {
    }

    private final IdempotentEventProcessor events;
    private final Deduplicator deduplicator;

    MemoryAddedListener(IdempotentEventProcessor events, Deduplicator deduplicator) {
        this.events = events;
        this.deduplicator = deduplicator;
    }

    @KafkaListener(topics = MemoryEvents.TOPIC, groupId = "maintenance-service-dedup")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!MemoryEvents.ADDED.equals(event.type())) {
            return;
        }
        MemoryAdded added = events.payload(event, MemoryAdded.class);
        if (added.userId() == null || added.userId().isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " lacks userId");
        }
        events.processOnce(CONSUMER, event, e -> deduplicator.dedupUser(added.userId())
                        .doOnNext(result -> {
                            if (result.merged() > 0) {
                                log.info("memory-added {}: merged {} near-duplicates of user {}", e.id(), result.merged(), added.userId());
                            }
                        })
                        .then())
                .block();
    }
}
