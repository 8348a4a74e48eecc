package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.jobs.Job;
import dev.jumbo.maintenance.jobs.JobOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * {@code backup}: {@code pg_dump --format=custom} of the whole database (every schema) into the backup directory as
 * {@code jumbo-<UTC time>.dump}, with its size, SHA-256 and the row count of every table in the catalogue. The
 * counts and the dump read the same exported snapshot, so verify-backup can compare them exactly. Then retention.
 */
@Component
class BackupJob implements Job {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final PgToolsLocator tools;
    private final DataSource dataSource;
    private final BackupCatalogue catalogue;
    private final BackupRetention retention;
    private final BackupMetrics metrics;
    private final MaintenanceProperties.Backup settings;
    private final DatabaseAddress database;
    private final Clock clock;

    BackupJob(PgToolsLocator tools, DataSource dataSource, BackupCatalogue catalogue, BackupRetention retention,
              BackupMetrics metrics, MaintenanceProperties properties, Clock clock) {
        this.tools = tools;
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.retention = retention;
        this.metrics = metrics;
        this.settings = properties.backup();
        this.database = DatabaseAddress.of(properties.jdbc());
        this.clock = clock;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public JobOutcome run(Map<String, String> parameters) {
        PgTools pg = tools.require();
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Path directory = settings.directory();
        Path file = directory.resolve("jumbo-" + FILE_TIME.format(createdAt) + ".dump");
        Path partial = directory.resolve(file.getFileName() + ".partial");
        Map<String, Long> counts;
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                throw new IllegalStateException("Backup file " + file + " already exists");
            }
            counts = dumpAtOneSnapshot(pg, partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup into " + directory + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the backup snapshot: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Backup backup = new Backup(UUID.randomUUID(), createdAt, Backup.DAILY, size, Checksums.sha256(file), null,
                file.getFileName().toString(), counts, pg.pgDump() + " " + pg.version());
        catalogue.insert(backup).block();
        BackupRetention.Result kept = retention.apply();
        metrics.refresh();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("backupId", backup.id().toString());
        stats.put("file", backup.fileName());
        stats.put("sizeBytes", size);
        stats.put("sha256", backup.sha256());
        stats.put("tables", counts.size());
        stats.put("rows", counts.values().stream().mapToLong(Long::longValue).sum());
        stats.put("pgDump", pg.version());
        stats.put("retentionKept", kept.kept());
        stats.put("retentionDeleted", kept.deleted());
        return new JobOutcome(1, stats);
    }

    private Map<String, Long> dumpAtOneSnapshot(PgTools pg, Path target) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                String snapshot;
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    row.next();
                    snapshot = row.getString(1);
                }
                Map<String, Long> counts = DatabaseTables.rowCounts(connection);
                ToolProcess.run(List.of(pg.pgDump().toString(), "--format=custom", "--no-password",
                        "--snapshot=" + snapshot, "--file=" + target,
                        "--host=" + database.host(), "--port=" + database.port(),
                        "--username=" + database.user(), "--dbname=" + database.database()), database, settings.toolTimeout());
                return counts;
            } finally {
                connection.rollback();
            }
        }
    }
}
