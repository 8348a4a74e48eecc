package dev.jumbo.maintenance.migrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jumbo.maintenance.config.MaintenanceProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per service schema, the Flyway versions applied (from its {@code flyway_schema_history}) and whether each
 * checksum still matches the migration file. Maintenance can compute the expected checksums of the files it ships:
 * the chassis migrations (in every schema), its own, and memory-service's (built into this jar because maintenance
 * works on the memory tables). For other services' own versions {@code checksumValid} is {@code null}: unknown here.
 * Read only: Flyway's {@code info}, never {@code migrate}.
 */
@Component
public class MigrationReport {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final List<String> schemas;
    private final String ownSchema;
    private final String memorySchema;
    private final java.util.Map<String, Flyway> flyways = new java.util.concurrent.ConcurrentHashMap<>();

    public MigrationReport(DataSource dataSource, JdbcTemplate jdbc, MaintenanceProperties properties,
                           @Value("${jumbo.db.schema}") String ownSchema) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.schemas = properties.migrationSchemas();
        this.ownSchema = ownSchema;
        this.memorySchema = properties.memorySchema();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Applied(String version, String description, String script, Integer checksum, Integer expectedChecksum,
                          Boolean checksumValid, boolean success, Instant installedOn) {
    }

    public record ServiceMigrations(String service, String schema, boolean present, String currentVersion,
                                    boolean allSucceeded, Boolean allChecksumsValid, List<Applied> migrations) {
    }

    public record Report(List<ServiceMigrations> services) {
    }

    /** Blocking (JDBC): call off the event loops. */
    public Report report() {
        return new Report(schemas.stream().map(this::of).toList());
    }

    private ServiceMigrations of(String schema) {
        String table = jdbc.queryForObject("SELECT to_regclass(?)::text", String.class, schema + ".flyway_schema_history");
        if (table == null) {
            return new ServiceMigrations(schema, schema, false, null, false, null, List.of());
        }
        Flyway flyway = flyways.computeIfAbsent(schema, this::flyway);
        List<Applied> applied = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            if (info.getType().isSynthetic()) {
                continue; // Flyway's own markers (schema created, baseline): not migrations
            }
            Integer expected = info.getResolvedChecksum();
            Boolean valid = expected == null ? null : info.isChecksumMatching();
            applied.add(new Applied(info.getVersion() == null ? null : info.getVersion().getVersion(), info.getDescription(),
                    info.getScript(), info.getAppliedChecksum(), expected, valid, !info.getState().isFailed(),
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant()));
        }
        String current = applied.stream().filter(Applied::success).map(Applied::version)
                .filter(java.util.Objects::nonNull).reduce((first, second) -> second).orElse(null);
        boolean anyKnown = applied.stream().anyMatch(a -> a.checksumValid() != null);
        Boolean allValid = anyKnown ? applied.stream().noneMatch(a -> Boolean.FALSE.equals(a.checksumValid())) : null;
        return new ServiceMigrations(schema, schema, true, current, applied.stream().allMatch(Applied::success), allValid, applied);
    }

    /** Read-only Flyway handles, one per schema, kept: their migration files are scanned once. */
    private Flyway flyway(String schema) {
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(false)
                .locations(locations(schema))
                .failOnMissingLocations(false)
                .load();
    }

    private String[] locations(String schema) {
        if (schema.equals(ownSchema)) {
            return new String[] {"classpath:db/platform", "classpath:db/migration"};
        }
        if (schema.equals(memorySchema)) {
            return new String[] {"classpath:db/platform", "classpath:expected-migrations/memory"};
        }
        return new String[] {"classpath:db/platform"};
    }
}
