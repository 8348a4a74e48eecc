package dev.jumbo.memory.ingest;

import dev.jumbo.memory.memories.MemoryIndexCache;
import dev.jumbo.platform.messaging.IdempotentEventProcessor;
import dev.jumbo.platform.messaging.IncomingEvent;
import dev.jumbo.platform.messaging.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Erases a deleted user's data. Other event types on the topic are ignored. */
@Component
class UserEventsListener {

    static final String TOPIC = "auth.users.v1";
    static final String USER_DELETED = "dev.jumbo.auth.user-deleted.v1";
    static final String CONSUMER = "memory-user-deleted";

    private final IdempotentEventProcessor events;
    private final UserErasure erasure;
    private final MemoryIndexCache indexes;

    UserEventsListener(IdempotentEventProcessor events, UserErasure erasure, MemoryIndexCache indexes) {
        this.events = events;
        this.erasure = erasure;
        this.indexes = indexes;
    }

    @KafkaListener(topics = TOPIC, groupId = "memory-service-users")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!USER_DELETED.equals(event.type())) {
            return;
        }
        UserDeleted deleted = events.payload(event, UserDeleted.class);
        if (deleted.userId() == null || deleted.userId().isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " lacks userId");
        }
        events.processOnce(CONSUMER, event, e -> erasure.erase(deleted.userId(), CONSUMER, e.id())).block();
        indexes.invalidate(deleted.userId());
    }
}
