package dev.jumbo.maintenance.jobs;

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

/** SQL over {@code job_runs}. */
@Repository
public class JobRunRepository {

    private static final String COLUMNS = "id, job, status, trigger, started_at, finished_at, stats, error, trace_id";
    private static final TypeReference<Map<String, Object>> STATS = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final JsonMapper json;

    public JobRunRepository(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    public Mono<Void> insert(JobRun run, String instance) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        INSERT INTO job_runs (id, job, status, trigger, started_at, stats, trace_id, instance)
                        VALUES (:id, :job, :status, :trigger, :startedAt, :stats, :traceId, :instance)""")
                .bind("id", run.id()).bind("job", run.job()).bind("status", run.status()).bind("trigger", run.trigger())
                .bind("startedAt", time(run.startedAt())).bind("stats", Json.of(json.writeValueAsString(run.stats())))
                .bind("instance", instance);
        spec = run.traceId() == null ? spec.bindNull("traceId", String.class) : spec.bind("traceId", run.traceId());
        return spec.then();
    }

    public Mono<Void> finish(UUID id, String status, Instant finishedAt, Map<String, Object> stats, String error) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        UPDATE job_runs SET status = :status, finished_at = :finishedAt, stats = :stats, error = :error
                        WHERE id = :id""")
                .bind("id", id).bind("status", status).bind("finishedAt", time(finishedAt))
                .bind("stats", Json.of(json.writeValueAsString(stats)));
        spec = error == null ? spec.bindNull("error", String.class) : spec.bind("error", error);
        return spec.then();
    }

    /**
     * Fails the job's runs still marked running: called by the holder of the job's lock, so none of them is
     * really running (its replica stopped before the run ended).
     */
    public Mono<Long> abandonRunning(String job, Instant at) {
        return database.sql("""
                        UPDATE job_runs SET status = 'failed', finished_at = :at,
                               error = 'abandoned: its replica stopped before the run ended'
                        WHERE job = :job AND status = 'running'""")
                .bind("job", job).bind("at", time(at)).fetch().rowsUpdated();
    }

    public Mono<JobRun> find(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM job_runs WHERE id = :id").bind("id", id).map(this::run).one();
    }

    /** Newest first, after the keyset {@code (startedAt, id)} when given, optionally of one job. */
    public Flux<JobRun> page(String job, Instant beforeStartedAt, UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM job_runs WHERE true");
        if (job != null) {
            sql.append(" AND job = :job");
        }
        if (beforeStartedAt != null) {
            sql.append(" AND (started_at, id) < (:startedAt, :id)");
        }
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString()).bind("limit", limit);
        if (job != null) {
            spec = spec.bind("job", job);
        }
        if (beforeStartedAt != null) {
            spec = spec.bind("startedAt", time(beforeStartedAt)).bind("id", beforeId);
        }
        return spec.map(this::run).all();
    }

    /** When each job last succeeded, for the last-success gauges after a restart. */
    public Flux<Map.Entry<String, Instant>> lastSuccesses() {
        return database.sql("SELECT job, max(finished_at) AS at FROM job_runs WHERE status = 'succeeded' GROUP BY job")
                .map(row -> Map.entry(row.get("job", String.class), instant(row, "at")))
                .all();
    }

    private JobRun run(Readable row) {
        Json stats = row.get("stats", Json.class);
        return new JobRun(row.get("id", UUID.class), row.get("job", String.class), row.get("status", String.class),
                row.get("trigger", String.class), instant(row, "started_at"), instant(row, "finished_at"),
                stats == null ? Map.of() : json.readValue(stats.asString(), STATS),
                row.get("error", String.class), row.get("trace_id", String.class));
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
