package dev.jumbo.memory.ingest;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Erases everything memory-service holds about a user: memories (history cascades; embeddings live in the
 * rows), the tombstones their deletion leaves for the vector caches, mood entries, the version row, and the
 * user's processed-event records except the one of the deletion event itself, which the same transaction has
 * just written.
 */
@Component
public class UserErasure {

    private final DatabaseClient database;

    public UserErasure(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> erase(String userId, String consumer, String deletionEventId) {
        return database.sql("SELECT pg_advisory_xact_lock(hashtext(:user))").bind("user", userId).then()
                .then(database.sql("DELETE FROM memory_history WHERE user_id = :user").bind("user", userId).then())
                .then(database.sql("DELETE FROM memories WHERE user_id = :user").bind("user", userId).then())
                .then(database.sql("DELETE FROM memory_deletions WHERE user_id = :user").bind("user", userId).then())
                .then(database.sql("DELETE FROM mood_entries WHERE user_id = :user").bind("user", userId).then())
                .then(database.sql("DELETE FROM memory_versions WHERE user_id = :user").bind("user", userId).then())
                .then(database.sql("""
                                DELETE FROM processed_events WHERE subject = :user
                                AND NOT (consumer = :consumer AND event_id = :eventId)""")
                        .bind("user", userId).bind("consumer", consumer).bind("eventId", deletionEventId).then());
    }
}
