package dev.jumbo.memory.mood;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class MoodRepository {

    private final DatabaseClient database;

    public MoodRepository(DatabaseClient database) {
        this.database = database;
    }

    /** One entry per message: a redelivered message does not log its mood twice. */
    public Mono<Void> record(String userId, UUID messageId, MoodEntry entry) {
        return database.sql("""
                        INSERT INTO mood_entries (user_id, message_id, at, label, valence, emotions)
                        VALUES (:user, :message, :at, :label, :valence, :emotions)
                        ON CONFLICT (user_id, message_id) DO NOTHING""")
                .bind("user", userId).bind("message", messageId)
                .bind("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC))
                .bind("label", entry.label()).bind("valence", entry.valence())
                .bind("emotions", entry.emotions().toArray(String[]::new))
                .then();
    }

    /** Entries with {@code from <= at < to}, oldest first. */
    public Flux<MoodEntry> between(String userId, Instant from, Instant to) {
        return database.sql("SELECT at, label, valence, emotions FROM mood_entries "
                        + "WHERE user_id = :user AND at >= :from AND at < :to ORDER BY at, id")
                .bind("user", userId)
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(row -> new MoodEntry(row.get("at", OffsetDateTime.class).toInstant(), row.get("label", String.class),
                        row.get("valence", Double.class), strings(row.get("emotions", String[].class))))
                .all();
    }

    public Flux<MoodEntry> all(String userId) {
        return between(userId, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
    }

    private static List<String> strings(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
