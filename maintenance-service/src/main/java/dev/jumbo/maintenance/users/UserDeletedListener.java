package dev.jumbo.maintenance.users;

import dev.jumbo.platform.messaging.IdempotentEventProcessor;
import dev.jumbo.platform.messaging.IncomingEvent;
import dev.jumbo.platform.messaging.PoisonEventException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Maintenance keeps nothing per user except its consumers' processed-event records (which name the user as
 * subject): a deleted user's are erased, but for the deletion event's own. The memory rows are memory-service's to
 * erase; backups keep the user until retention ages them out (README, "Erasure and backups").
 */
@Component
class UserDeletedListener {

    static final String TOPIC = "auth.users.v1";
    static final String USER_DELETED = "dev.jumbo.auth.user-deleted.v1";
    static final String CONSUMER = "maintenance-user-deleted";

    /** maintenance's own copy of {@code dev.jumbo.auth.user-deleted.v1}. */
    record UserDeleted(String userId, Instant deletedAt) {
    }

    private final IdempotentEventProcessor events;
    private final DatabaseClient database;

    UserDeletedListener(IdempotentEventProcessor events, DatabaseClient database) {
        this.events = events;
        this.database = database;
    }

    @KafkaListener(topics = TOPIC, groupId = "maintenance-service-users")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!USER_DELETED.equals(event.type())) {
            return;
        }
        UserDeleted deleted = events.payload(event, UserDeleted.class);
        if (deleted.userId() == null || deleted.userId().isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " lacks userId");
        }
        events.processOnce(CONSUMER, event, e -> database.sql("""
                        DELETE FROM processed_events WHERE subject = :user AND NOT (consumer = :consumer AND event_id = :eventId)""")
                .bind("user", deleted.userId()).bind("consumer", CONSUMER).bind("eventId", e.id()).then()).block();
    }
}
