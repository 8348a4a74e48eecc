package dev.jumbo.maintenance.memories;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import io.r2dbc.spi.Readable;
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

/**
 * SQL over memory-service's tables ({@code memories}, {@code memory_history}, {@code memory_versions}), which
 * maintenance works on by design (ARCHITECTURE.md). Writes follow memory-service's rules: under the same
 * per-user advisory lock, an earlier version goes to history first, and every change bumps the user's
 * version in the same transaction so memory-service replicas reload their cached vectors.
 */
@Repository
public class MemoryTables {

    private static final String COLUMNS = "id, user_id, text, category, subject, relation, fact_values, embedding, "
            + "source_message_id, created_at, updated_at, last_recalled_at, archived_at";

    private final DatabaseClient database;
    private final String schema;

    public MemoryTables(DatabaseClient database, MaintenanceProperties properties) {
        this.database = database;
        this.schema = properties.memorySchema();
    }

    /** memory-service's lock: serialises every change to one user's memories until the transaction ends. */
    public Mono<Void> lockUser(String userId) {
        return database.sql("SELECT pg_advisory_xact_lock(hashtext(:user))").bind("user", userId)
                .fetch().rowsUpdated().then();
    }

    /** As memory-service does it: versions come from {@code memory_change_seq}, so they never repeat. */
    public Mono<Void> bumpVersion(String userId) {
        return database.sql("INSERT INTO " + schema + ".memory_versions (user_id, version, epoch) "
                        + "SELECT :user, n, n FROM nextval('" + schema + ".memory_change_seq') AS n "
                        + "ON CONFLICT (user_id) DO UPDATE "
                        + "SET version = GREATEST(EXCLUDED.version, " + schema + ".memory_versions.version + 1)")
                .bind("user", userId).then();
    }

    public Flux<String> usersWithActiveMemories() {
        return database.sql("SELECT DISTINCT user_id FROM " + schema + ".memories WHERE archived_at IS NULL ORDER BY user_id")
                .map(row -> row.get("user_id", String.class)).all();
    }

    public Flux<StoredMemory> activeOf(String userId) {
        return database.sql("SELECT " + COLUMNS + " FROM " + schema + ".memories WHERE user_id = :user AND archived_at IS NULL "
                        + "ORDER BY created_at, id")
                .bind("user", userId).map(MemoryTables::memory).all();
    }

    /** Pairs of the user's active memories whose texts have at least this trigram similarity (pg_trgm). */
    public Flux<TextPair> similarTexts(String userId, double minSimilarity) {
        return database.sql("SELECT a.id AS a, b.id AS b, public.similarity(a.text, b.text) AS similarity "
                        + "FROM " + schema + ".memories a JOIN " + schema + ".memories b "
                        + "ON b.user_id = a.user_id AND a.id < b.id AND b.archived_at IS NULL "
                        + "WHERE a.user_id = :user AND a.archived_at IS NULL "
                        + "AND public.similarity(a.text, b.text) >= :min")
                .bind("user", userId).bind("min", (float) minSimilarity)
                .map(row -> new TextPair(row.get("a", UUID.class), row.get("b", UUID.class),
                        row.get("similarity", Float.class)))
                .all();
    }

    public record TextPair(UUID a, UUID b, double similarity) {
    }

    /** Users with archival candidates: active memories neither recalled nor created since {@code cutoff}. */
    public Flux<String> usersWithStaleMemories(Instant cutoff) {
        return database.sql("SELECT DISTINCT user_id FROM " + schema + ".memories WHERE archived_at IS NULL "
                        + "AND COALESCE(last_recalled_at, created_at) < :cutoff ORDER BY user_id")
                .bind("cutoff", time(cutoff)).map(row -> row.get("user_id", String.class)).all();
    }

    /** The user's archival candidates, without their embeddings (not needed to archive). */
    public Flux<StoredMemory> staleOf(String userId, Instant cutoff) {
        return database.sql("SELECT " + COLUMNS.replace("embedding", "NULL::real[] AS embedding") + " FROM " + schema
                        + ".memories WHERE user_id = :user AND archived_at IS NULL "
                        + "AND COALESCE(last_recalled_at, created_at) < :cutoff ORDER BY id")
                .bind("user", userId).bind("cutoff", time(cutoff)).map(MemoryTables::memory).all();
    }

    /** Writes a history row of {@code previous} as memory-service does ({@code change}: merged, archived, ...). */
    public Mono<Void> addHistory(StoredMemory previous, String change, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("INSERT INTO " + schema + ".memory_history "
                        + "(memory_id, user_id, change, text, fact_values, source_message_id, changed_at) "
                        + "VALUES (:id, :user, :change, :text, :values, :source, :at)")
                .bind("user", previous.userId()).bind("change", change)
                .bind("text", previous.text()).bind("values", previous.values().toArray(String[]::new))
                .bind("at", time(at));
        spec = spec.bind("id", previous.id());
        spec = previous.sourceMessageId() == null ? spec.bindNull("source", UUID.class) : spec.bind("source", previous.sourceMessageId());
        return spec.then();
    }

    /** Moves the history of {@code from} under {@code to} (a merged memory keeps the earlier versions of both). */
    public Mono<Void> moveHistory(UUID from, UUID to) {
        return database.sql("UPDATE " + schema + ".memory_history SET memory_id = :to WHERE memory_id = :from")
                .bind("from", from).bind("to", to).then();
    }

    /** A merge keeps the earliest creation and the latest recall of the merged memories. */
    public Mono<Void> absorb(UUID survivor, Instant createdAt, Instant lastRecalledAt, Instant updatedAt) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("UPDATE " + schema + ".memories SET created_at = :createdAt, "
                        + "last_recalled_at = :recalled, updated_at = :updatedAt WHERE id = :id")
                .bind("id", survivor).bind("createdAt", time(createdAt)).bind("updatedAt", time(updatedAt));
        spec = lastRecalledAt == null ? spec.bindNull("recalled", OffsetDateTime.class) : spec.bind("recalled", time(lastRecalledAt));
        return spec.then();
    }

    public Mono<Long> delete(UUID id) {
        return database.sql("DELETE FROM " + schema + ".memories WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    public Mono<Long> archive(UUID id, Instant at) {
        return database.sql("UPDATE " + schema + ".memories SET archived_at = :at, updated_at = :at "
                        + "WHERE id = :id AND archived_at IS NULL")
                .bind("id", id).bind("at", time(at)).fetch().rowsUpdated();
    }

    static StoredMemory memory(Readable row) {
        Float[] embedding = row.get("embedding", Float[].class);
        String[] values = row.get("fact_values", String[].class);
        return new StoredMemory(row.get("id", UUID.class), row.get("user_id", String.class), row.get("text", String.class),
                row.get("category", String.class), row.get("subject", String.class), row.get("relation", String.class),
                values == null ? List.of() : Arrays.asList(values), unboxed(embedding),
                row.get("source_message_id", UUID.class), instant(row, "created_at"), instant(row, "updated_at"),
                instant(row, "last_recalled_at"), instant(row, "archived_at"));
    }

    private static float[] unboxed(Float[] values) {
        if (values == null || values.length == 0) {
            return null;
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? 0f : values[i];
        }
        return out;
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
