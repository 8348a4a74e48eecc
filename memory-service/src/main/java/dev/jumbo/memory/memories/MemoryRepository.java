package dev.jumbo.memory.memories;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL over the {@code memories}, {@code memory_history} and {@code memory_versions} tables. */
@Repository
public class MemoryRepository {

    static final String COLUMNS = "id, user_id, text, category, subject, relation, fact_values, content_hash, "
            + "source_message_id, created_at, updated_at, last_recalled_at, archived_at";

    private final DatabaseClient database;

    public MemoryRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Serialises every change to one user's memories, across replicas, until the transaction ends. */
    public Mono<Void> lockUser(String userId) {
        return database.sql("SELECT pg_advisory_xact_lock(hashtext(:user))").bind("user", userId)
                .fetch().rowsUpdated().then();
    }

    /**
     * Marks the user's memories as changed, so every replica refreshes its cached vectors. Versions come from
     * {@code memory_change_seq}, so they never repeat, even after an erasure (and always move, even past a counter
     * bumped by an older replica during a rolling deploy); the epoch is the version at which the row was (re)created.
     */
    public Mono<Void> bumpVersion(String userId) {
        return database.sql("""
                        INSERT INTO memory_versions (user_id, version, epoch)
                        SELECT :user, n, n FROM nextval('memory_change_seq') AS n
                        ON CONFLICT (user_id) DO UPDATE
                        SET version = GREATEST(EXCLUDED.version, memory_versions.version + 1)""")
                .bind("user", userId).then();
    }

    /** Where the user's memories stand: (0, 0) when nothing was ever written or the user was erased. */
    public record IndexVersion(long epoch, long version) {
    }

    public Mono<IndexVersion> version(String userId) {
        return database.sql("SELECT epoch, version FROM memory_versions WHERE user_id = :user").bind("user", userId)
                .map(row -> new IndexVersion(row.get("epoch", Long.class), row.get("version", Long.class)))
                .one().defaultIfEmpty(new IndexVersion(0, 0));
    }

    /** Forgets tombstones older than any index a replica still refreshes incrementally (see MemoryIndexCache). */
    public Mono<Void> pruneDeletions(String userId) {
        return database.sql("DELETE FROM memory_deletions WHERE user_id = :user AND deleted_at < now() - interval '7 days'")
                .bind("user", userId).then();
    }

    public Mono<Memory> findForUser(UUID id, String userId) {
        return database.sql("SELECT " + COLUMNS + " FROM memories WHERE id = :id AND user_id = :user")
                .bind("id", id).bind("user", userId)
                .map(MemoryRepository::memory).one();
    }

    public Flux<Memory> findAllForUser(List<UUID> ids, String userId) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT " + COLUMNS + " FROM memories WHERE id = ANY(:ids) AND user_id = :user")
                .bind("ids", ids.toArray(UUID[]::new)).bind("user", userId)
                .map(MemoryRepository::memory).all();
    }

    /** The user's memories about these subjects, newest first (archived ones too: the caller decides). */
    public Flux<Memory> findBySubjects(String userId, List<String> subjects) {
        return database.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = :user AND subject = ANY(:subjects) "
                        + "ORDER BY created_at DESC")
                .bind("user", userId).bind("subjects", subjects.toArray(String[]::new))
                .map(MemoryRepository::memory).all();
    }

    /** A page of memories newest first, after the keyset {@code (createdAt, id)} when given. */
    public Flux<Memory> page(String userId, String category, boolean includeArchived, Instant beforeCreatedAt,
                             UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM memories WHERE user_id = :user");
        if (!includeArchived) {
            sql.append(" AND archived_at IS NULL");
        }
        if (category != null) {
            sql.append(" AND category = :category");
        }
        if (beforeCreatedAt != null) {
            sql.append(" AND (created_at, id) < (:createdAt, :id)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString()).bind("user", userId).bind("limit", limit);
        if (category != null) {
            spec = spec.bind("category", category);
        }
        if (beforeCreatedAt != null) {
            spec = spec.bind("createdAt", OffsetDateTime.ofInstant(beforeCreatedAt, ZoneOffset.UTC)).bind("id", beforeId);
        }
        return spec.map(MemoryRepository::memory).all();
    }

    public Flux<Memory> allForUser(String userId) {
        return database.sql("SELECT " + COLUMNS + " FROM memories WHERE user_id = :user ORDER BY created_at, id")
                .bind("user", userId).map(MemoryRepository::memory).all();
    }

    /**
     * What changed in the user's memories after change number {@code since} (0: everything), in one statement so
     * both halves come from one snapshot: memories written since, with their embeddings as packed float4 bytes
     * ({@code embedding_packed}, no conversion on the server, no boxing here), and tombstones of memories deleted since.
     */
    public Flux<IndexChange> indexChanges(String userId, long since) {
        return database.sql("""
                        SELECT id, change_seq, category, subject, relation, fact_values, text,
                               archived_at IS NOT NULL AS archived, embedding_packed, false AS deleted
                        FROM memories WHERE user_id = :user AND change_seq > :since
                        UNION ALL
                        SELECT memory_id, change_seq, NULL, NULL, NULL, NULL, NULL, NULL, NULL, true
                        FROM memory_deletions WHERE user_id = :user AND change_seq > :since""")
                .bind("user", userId).bind("since", since)
                .map(row -> {
                    UUID id = row.get("id", UUID.class);
                    long seq = row.get("change_seq", Long.class);
                    if (Boolean.TRUE.equals(row.get("deleted", Boolean.class))) {
                        return new IndexChange(id, seq, null, null);
                    }
                    IndexedMemory memory = new IndexedMemory(id, row.get("text", String.class),
                            row.get("category", String.class), row.get("subject", String.class),
                            row.get("relation", String.class), strings(row.get("fact_values", String[].class)),
                            Boolean.TRUE.equals(row.get("archived", Boolean.class)));
                    return new IndexChange(id, seq, memory, packedFloats(row.get("embedding_packed", java.nio.ByteBuffer.class)));
                })
                .all();
    }

    /**
     * The user's current memories about {@code subjects} (and, when given, {@code relations}), most recently updated
     * first, at most {@code limit}: one statement on {@code memories_user_subject_idx}.
     */
    public Flux<IndexedMemory> recallBySubject(String userId, Collection<String> subjects, Collection<String> relations,
                                               int limit) {
        String sql = """
                SELECT id, text, category, subject, relation, fact_values FROM memories
                WHERE user_id = :user AND subject = ANY(:subjects)%s AND archived_at IS NULL
                ORDER BY updated_at DESC, id LIMIT :limit"""
                .formatted(relations.isEmpty() ? "" : " AND relation = ANY(:relations)");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql).bind("user", userId)
                .bind("subjects", subjects.toArray(String[]::new)).bind("limit", limit);
        if (!relations.isEmpty()) {
            spec = spec.bind("relations", relations.toArray(String[]::new));
        }
        return spec.map(row -> new IndexedMemory(row.get("id", UUID.class), row.get("text", String.class),
                        row.get("category", String.class), row.get("subject", String.class),
                        row.get("relation", String.class), strings(row.get("fact_values", String[].class)), false))
                .all();
    }

    /** The subjects of the user's current people and pets named one of {@code names}, ignoring case ("tom" → brother). */
    public Flux<String> subjectsNamed(String userId, Collection<String> names) {
        return database.sql("""
                        SELECT DISTINCT subject FROM memories
                        WHERE user_id = :user AND relation = 'name' AND archived_at IS NULL
                          AND EXISTS (SELECT 1 FROM unnest(fact_values) AS v WHERE lower(v) = ANY(:names))""")
                .bind("user", userId)
                .bind("names", names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .map(row -> row.get("subject", String.class)).all();
    }

    public Mono<Void> insert(Memory memory) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        INSERT INTO memories (id, user_id, text, category, subject, relation, fact_values, embedding,
                                              content_hash, source_message_id, created_at, updated_at)
                        VALUES (:id, :user, :text, :category, :subject, :relation, :values, :embedding, :hash, :source,
                                :createdAt, :updatedAt)""")
                .bind("id", memory.id()).bind("user", memory.userId()).bind("text", memory.text())
                .bind("category", memory.category()).bind("subject", memory.subject()).bind("relation", memory.relation())
                .bind("values", memory.values().toArray(String[]::new)).bind("embedding", boxed(memory.embedding()))
                .bind("hash", memory.contentHash())
                .bind("createdAt", OffsetDateTime.ofInstant(memory.createdAt(), ZoneOffset.UTC))
                .bind("updatedAt", OffsetDateTime.ofInstant(memory.updatedAt(), ZoneOffset.UTC));
        spec = memory.sourceMessageId() == null ? spec.bindNull("source", UUID.class) : spec.bind("source", memory.sourceMessageId());
        return spec.then();
    }

    /** Writes the new content of a memory; its earlier version must have gone to history first. */
    public Mono<Void> update(Memory memory) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        UPDATE memories SET text = :text, category = :category, fact_values = :values, embedding = :embedding,
                               content_hash = :hash, source_message_id = :source, updated_at = :updatedAt,
                               archived_at = :archivedAt
                        WHERE id = :id""")
                .bind("id", memory.id()).bind("text", memory.text()).bind("category", memory.category())
                .bind("values", memory.values().toArray(String[]::new)).bind("embedding", boxed(memory.embedding()))
                .bind("hash", memory.contentHash())
                .bind("updatedAt", OffsetDateTime.ofInstant(memory.updatedAt(), ZoneOffset.UTC));
        spec = memory.sourceMessageId() == null ? spec.bindNull("source", UUID.class) : spec.bind("source", memory.sourceMessageId());
        spec = memory.archivedAt() == null ? spec.bindNull("archivedAt", OffsetDateTime.class)
                : spec.bind("archivedAt", OffsetDateTime.ofInstant(memory.archivedAt(), ZoneOffset.UTC));
        return spec.then();
    }

    public Mono<Void> addHistory(Memory previous, String change) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        INSERT INTO memory_history (memory_id, user_id, change, text, fact_values, source_message_id)
                        VALUES (:id, :user, :change, :text, :values, :source)""")
                .bind("id", previous.id()).bind("user", previous.userId()).bind("change", change)
                .bind("text", previous.text()).bind("values", previous.values().toArray(String[]::new));
        spec = previous.sourceMessageId() == null ? spec.bindNull("source", UUID.class) : spec.bind("source", previous.sourceMessageId());
        return spec.then();
    }

    public Flux<HistoryEntry> history(UUID memoryId) {
        return database.sql("SELECT change, text, fact_values, source_message_id, changed_at FROM memory_history "
                        + "WHERE memory_id = :id ORDER BY id")
                .bind("id", memoryId)
                .map(row -> new HistoryEntry(row.get("change", String.class), row.get("text", String.class),
                        strings(row.get("fact_values", String[].class)), row.get("source_message_id", UUID.class),
                        instant(row, "changed_at")))
                .all();
    }

    /** Stamps {@code last_recalled_at} (a restated fact, recalled memories). */
    public Mono<Void> touchRecalled(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("UPDATE memories SET last_recalled_at = now() WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new)).then();
    }

    public Mono<Long> delete(UUID id, String userId) {
        return database.sql("DELETE FROM memories WHERE id = :id AND user_id = :user")
                .bind("id", id).bind("user", userId).fetch().rowsUpdated();
    }

    static Memory memory(Readable row) {
        return new Memory(row.get("id", UUID.class), row.get("user_id", String.class), row.get("text", String.class),
                row.get("category", String.class), row.get("subject", String.class), row.get("relation", String.class),
                strings(row.get("fact_values", String[].class)), null, row.get("content_hash", String.class),
                row.get("source_message_id", UUID.class), instant(row, "created_at"), instant(row, "updated_at"),
                instant(row, "last_recalled_at"), instant(row, "archived_at"));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static List<String> strings(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** Reads {@code embedding_packed}: big-endian float4 values, one after the other. */
    static float[] packedFloats(java.nio.ByteBuffer buffer) {
        if (buffer == null || buffer.remaining() % Float.BYTES != 0) {
            return null;
        }
        float[] out = new float[buffer.remaining() / Float.BYTES];
        buffer.slice().order(java.nio.ByteOrder.BIG_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    static Float[] boxed(float[] values) {
        if (values == null) {
            return new Float[0];
        }
        Float[] out = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
