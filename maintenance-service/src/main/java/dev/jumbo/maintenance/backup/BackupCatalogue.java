package dev.jumbo.maintenance.backup;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL over {@code backups}, the catalogue of the files in the backup directory. */
@Repository
public class BackupCatalogue {

    private static final String COLUMNS = "id, created_at, kind, size_bytes, sha256, verified_at, file_name, table_counts, pg_dump";
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final JsonMapper json;

    public BackupCatalogue(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    public Mono<Void> insert(Backup backup) {
        return database.sql("INSERT INTO backups (" + COLUMNS + ") VALUES (:id, :createdAt, :kind, :size, :sha256, NULL, "
                        + ":file, :counts, :pgDump)")
                .bind("id", backup.id()).bind("createdAt", time(backup.createdAt())).bind("kind", backup.kind())
                .bind("size", backup.sizeBytes()).bind("sha256", backup.sha256()).bind("file", backup.fileName())
                .bind("counts", Json.of(json.writeValueAsString(backup.tableCounts()))).bind("pgDump", backup.pgDump())
                .then();
    }

    public Mono<Backup> find(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM backups WHERE id = :id").bind("id", id).map(this::backup).one();
    }

    public Mono<Backup> newest() {
        return database.sql("SELECT " + COLUMNS + " FROM backups ORDER BY created_at DESC, id DESC LIMIT 1")
                .map(this::backup).one();
    }

    public Flux<Backup> all() {
        return database.sql("SELECT " + COLUMNS + " FROM backups ORDER BY created_at DESC, id DESC").map(this::backup).all();
    }

    public Flux<Backup> page(Instant beforeCreatedAt, UUID beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM backups"
                + (beforeCreatedAt == null ? "" : " WHERE (created_at, id) < (:createdAt, :id)")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql).bind("limit", limit);
        if (beforeCreatedAt != null) {
            spec = spec.bind("createdAt", time(beforeCreatedAt)).bind("id", beforeId);
        }
        return spec.map(this::backup).all();
    }

    public Mono<Void> setKind(UUID id, String kind) {
        return database.sql("UPDATE backups SET kind = :kind WHERE id = :id").bind("id", id).bind("kind", kind).then();
    }

    public Mono<Void> markVerified(UUID id, Instant at) {
        return database.sql("UPDATE backups SET verified_at = :at WHERE id = :id").bind("id", id).bind("at", time(at)).then();
    }

    public Mono<Void> delete(UUID id) {
        return database.sql("DELETE FROM backups WHERE id = :id").bind("id", id).then();
    }

    private Backup backup(Readable row) {
        Json counts = row.get("table_counts", Json.class);
        return new Backup(row.get("id", UUID.class), instant(row, "created_at"), row.get("kind", String.class),
                row.get("size_bytes", Long.class), row.get("sha256", String.class), instant(row, "verified_at"),
                row.get("file_name", String.class), counts == null ? Map.of() : json.readValue(counts.asString(), COUNTS),
                row.get("pg_dump", String.class));
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
