package dev.jumbo.maintenance.benchmark;

import dev.jumbo.maintenance.MaintenanceServiceApplication;
import dev.jumbo.maintenance.jobs.Job;
import dev.jumbo.maintenance.jobs.JobOutcome;
import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import dev.jumbo.test.SharedInfrastructure;
import dev.jumbo.test.SharedInfrastructureInitializer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput of the jobs (not a test). Starts maintenance-service on the embedded PostgreSQL and Kafka, seeds
 * U users × M memories server-side (random 384-d embeddings; every 20th memory has a near-duplicate: same vector,
 * text with a suffix; a fifth of them a year old and unimportant), then runs each job once and prints wall time and
 * rates: dedup (a full pass that merges, then a steady-state pass with nothing left to merge), archive, backup (pg_dump of the whole database), verify-backup (restore into a scratch
 * database + row counts).
 * Run: {@code java -cp <test classpath> dev.jumbo.maintenance.benchmark.MaintenanceBenchmarks 1000 100}
 */
public final class MaintenanceBenchmarks {

    private MaintenanceBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perUser = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        MaintenanceIntegrationTest.ensureMemorySchema();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MaintenanceServiceApplication.class)
                .profiles("test").initializers(new SharedInfrastructureInitializer())
                .properties("logging.level.dev.jumbo=WARN").run("--server.port=0");
        try {
            long seedStart = System.nanoTime();
            long memories = seed(users, perUser);
            System.out.printf(Locale.ROOT, "seeded %d users, %d memories in %.1f s%n", users, memories,
                    (System.nanoTime() - seedStart) / 1e9);
            Map<String, Job> jobs = app.getBeansOfType(Job.class).values().stream()
                    .collect(java.util.stream.Collectors.toMap(Job::name, j -> j));
            for (String name : List.of("dedup", "dedup", "archive", "backup", "verify-backup")) {
                long start = System.nanoTime();
                JobOutcome outcome = jobs.get(name).run(Map.of());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-14s %7.2f s  %s%n", name, seconds, outcome.stats());
                if (name.equals("dedup")) {
                    System.out.printf(Locale.ROOT, "%-14s %7.1f users/s, %.0f memories/s%n", "", users / seconds, memories / seconds);
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            app.close();
            System.exit(1);
        }
        app.close();
        System.exit(0);
    }

    private static long seed(int users, int perUser) throws Exception {
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement sql = connection.createStatement()) {
            sql.execute("DELETE FROM memory.memories WHERE user_id LIKE 'bench-%'");
            sql.execute("""
                    INSERT INTO memory.memories (id, user_id, text, category, subject, relation, fact_values, embedding,
                                                 content_hash, created_at, updated_at)
                    SELECT gen_random_uuid(), 'bench-' || u,
                           'User likes ' || substr(md5(u || '-' || m), 1, 12) || ' and ' || substr(md5(m || '+' || u), 1, 8),
                           CASE WHEN m %% 3 = 0 THEN 'relationships' ELSE 'preferences' END, 'user', 'likes',
                           ARRAY[substr(md5(u || '-' || m), 1, 12)],
                           ARRAY(SELECT (random() - 0.5 + 0 * m)::real FROM generate_series(1, 384)),
                           md5(u || '-' || m),
                           now() - CASE WHEN m %% 5 = 0 THEN interval '365 days' ELSE interval '1 day' END,
                           now() - CASE WHEN m %% 5 = 0 THEN interval '365 days' ELSE interval '1 day' END
                    FROM generate_series(1, %d) u, generate_series(1, %d) m""".formatted(users, perUser));
            sql.execute("""
                    INSERT INTO memory.memories (id, user_id, text, category, subject, relation, fact_values, embedding,
                                                 content_hash, created_at, updated_at)
                    SELECT gen_random_uuid(), user_id, text || ' a lot', category, subject, relation, fact_values, embedding,
                           content_hash || 'd', created_at, updated_at
                    FROM memory.memories WHERE user_id LIKE 'bench-%' AND ('x' || substr(content_hash, 1, 8))::bit(32)::int % 20 = 0""");
            try (var rows = sql.executeQuery("SELECT count(*) FROM memory.memories WHERE user_id LIKE 'bench-%'")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
