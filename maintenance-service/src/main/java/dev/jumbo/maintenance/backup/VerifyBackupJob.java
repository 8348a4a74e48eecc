package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.jobs.Job;
import dev.jumbo.maintenance.jobs.JobOutcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code verify-backup}: checks the newest backup's SHA-256, restores it into a scratch database on the same
 * server, compares every table's row count with the catalogue, records {@code verifiedAt} when all match, and
 * always drops the scratch database.
 */
@Component
class VerifyBackupJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(VerifyBackupJob.class);

    private final BackupCatalogue catalogue;
    private final BackupFiles files;
    private final PgToolsLocator tools;
    private final JdbcTemplate jdbc;
    private final MaintenanceProperties.Backup settings;
    private final DatabaseAddress database;
    private final Clock clock;

    VerifyBackupJob(BackupCatalogue catalogue, BackupFiles files, PgToolsLocator tools, JdbcTemplate jdbc,
                    MaintenanceProperties properties, Clock clock) {
        this.catalogue = catalogue;
        this.files = files;
        this.tools = tools;
        this.jdbc = jdbc;
        this.settings = properties.backup();
        this.database = DatabaseAddress.of(properties.jdbc());
        this.clock = clock;
    }

    @Override
    public String name() {
        return "verify-backup";
    }

    @Override
    public JobOutcome run(Map<String, String> parameters) {
        Backup backup = catalogue.newest().blockOptional()
                .orElseThrow(() -> new IllegalStateException("There is no backup to verify."));
        PgTools pg = tools.require();
        var file = files.checkedFile(backup);
        String scratch = "jumbo_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("CREATE DATABASE " + scratch);
        Map<String, Long> restored;
        try {
            ToolProcess.run(List.of(pg.pgRestore().toString(), "--no-owner", "--no-privileges", "--exit-on-error",
                    "--no-password", "--host=" + database.host(), "--port=" + database.port(),
                    "--username=" + database.user(), "--dbname=" + scratch, file.toString()), database, settings.toolTimeout());
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(scratch), database.user(), database.password())) {
                restored = DatabaseTables.rowCounts(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the scratch database " + scratch + ": " + e.getMessage(), e);
        } finally {
            try {
                jdbc.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
            } catch (RuntimeException e) {
                log.error("Could not drop scratch database {}", scratch, e);
            }
        }
        Map<String, String> mismatches = new TreeMap<>();
        backup.tableCounts().forEach((table, expected) -> {
            Long actual = restored.get(table);
            if (!Objects.equals(expected, actual)) {
                mismatches.put(table, "expected " + expected + ", restored " + actual);
            }
        });
        restored.keySet().stream().filter(table -> !backup.tableCounts().containsKey(table))
                .forEach(table -> mismatches.put(table, "not in the catalogue"));
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("Backup " + backup.fileName() + " restored with different row counts: " + mismatches);
        }
        Instant verifiedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        catalogue.markVerified(backup.id(), verifiedAt).block();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("backupId", backup.id().toString());
        stats.put("file", backup.fileName());
        stats.put("tables", restored.size());
        stats.put("rows", restored.values().stream().mapToLong(Long::longValue).sum());
        stats.put("verifiedAt", verifiedAt.toString());
        return new JobOutcome(restored.size(), stats);
    }
}
