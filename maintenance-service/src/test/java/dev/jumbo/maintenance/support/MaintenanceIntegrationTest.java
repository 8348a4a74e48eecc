package dev.jumbo.maintenance.support;

import static org.awaitility.Awaitility.await;

import dev.jumbo.test.ContractExamples;
import dev.jumbo.test.JumboIntegrationTest;
import dev.jumbo.test.SharedInfrastructure;
import dev.jumbo.test.TestEvents;
import dev.jumbo.test.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of maintenance-service's integration tests: one Spring context, memory-service's tables created
 * from memory-service's own migration files (as memory-service would, once per test JVM), helpers to write
 * memories the way memory-service stores them, to call the admin API and to wait for job runs.
 */
@JumboIntegrationTest
public abstract class MaintenanceIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean memorySchemaReady;

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient database;

    @BeforeAll
    static void createMemoryTables() {
        ensureMemorySchema();
    }

    /** memory-service's schema, migrated from its files (on the test classpath through this module's resources). */
    public static synchronized void ensureMemorySchema() {
        if (memorySchemaReady) {
            return;
        }
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .schemas("memory").createSchemas(true)
                .locations("classpath:db/platform", "classpath:expected-migrations/memory")
                .load().migrate();
        memorySchemaReady = true;
    }

    protected static String newUser() {
        return UUID.randomUUID().toString();
    }

    protected static String adminToken() {
        return "Bearer " + TestJwks.tokenFor("admin-" + UUID.randomUUID(), "user", "admin");
    }

    protected static String userToken() {
        return "Bearer " + TestJwks.tokenFor(UUID.randomUUID().toString(), "user");
    }

    /** A memory row as memory-service writes it. */
    public record NewMemory(String userId, String text, String category, String subject, String relation,
                            List<String> values, float[] embedding, Instant createdAt, Instant lastRecalledAt) {

        public static NewMemory of(String userId, String text, String category, String subject, String relation,
                                   List<String> values, float[] embedding) {
            return new NewMemory(userId, text, category, subject, relation, values, embedding, Instant.now(), null);
        }

        public NewMemory created(Instant at) {
            return new NewMemory(userId, text, category, subject, relation, values, embedding, at, lastRecalledAt);
        }

        public NewMemory recalled(Instant at) {
            return new NewMemory(userId, text, category, subject, relation, values, embedding, createdAt, at);
        }
    }

    protected UUID insert(NewMemory memory) {
        UUID id = UUID.randomUUID();
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        INSERT INTO memory.memories (id, user_id, text, category, subject, relation, fact_values, embedding,
                                                     content_hash, created_at, updated_at, last_recalled_at)
                        VALUES (:id, :user, :text, :category, :subject, :relation, :values, :embedding, :hash,
                                :createdAt, :createdAt, :recalled)""")
                .bind("id", id).bind("user", memory.userId()).bind("text", memory.text())
                .bind("category", memory.category()).bind("subject", memory.subject()).bind("relation", memory.relation())
                .bind("values", memory.values().toArray(String[]::new)).bind("embedding", boxed(memory.embedding()))
                .bind("hash", Integer.toHexString(memory.text().hashCode()))
                .bind("createdAt", OffsetDateTime.ofInstant(memory.createdAt(), ZoneOffset.UTC));
        spec = memory.lastRecalledAt() == null ? spec.bindNull("recalled", OffsetDateTime.class)
                : spec.bind("recalled", OffsetDateTime.ofInstant(memory.lastRecalledAt(), ZoneOffset.UTC));
        spec.then().block();
        return id;
    }

    protected long count(String sql, Object value) {
        return database.sql(sql).bind("v", value).map(row -> row.get("n", Long.class)).one().block();
    }

    /** A random unit vector (384 dimensions, as MiniLM's). */
    protected static float[] randomVector(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return normalized(v);
    }

    /** {@code base} moved by {@code noise}: cosine about 1/sqrt(1+noise²). */
    protected static float[] near(float[] base, double noise, Random random) {
        float[] other = randomVector(random);
        float[] v = new float[base.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (base[i] + noise * other[i]);
        }
        return normalized(v);
    }

    private static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static Float[] boxed(float[] values) {
        Float[] out = new Float[values == null ? 0 : values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Starts a job through the API (expects 202) and returns the run's id. */
    protected String startJob(String job) {
        byte[] body = http.post().uri("/api/v1/admin/jobs/{job}/runs", job).header("Authorization", adminToken())
                .exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("id").asString();
    }

    /** Waits until the run is no longer running; returns it as the API shows it. */
    protected JsonNode awaitRun(String job, String runId) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            byte[] body = http.get().uri("/api/v1/admin/jobs/{job}/runs/{id}", job, runId).header("Authorization", adminToken())
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
            run[0] = JSON.readTree(body);
            return !"running".equals(run[0].get("status").asString());
        });
        return run[0];
    }

    protected JsonNode runJob(String job) {
        return awaitRun(job, startJob(job));
    }

    protected JsonNode getJson(String uri) {
        // generous: the first migration report scans the migration files on a busy machine
        byte[] body = http.mutate().responseTimeout(Duration.ofSeconds(30)).build().get().uri(uri).header("Authorization", adminToken()).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }


    /** Publishes an event shaped like the contract example, with this user and payload, as its producer would. */
    protected void publish(ContractExamples.Example example, String userId, String eventId, String payload) {
        TestEvents.publish(example, userId, eventId, payload);
    }
}
