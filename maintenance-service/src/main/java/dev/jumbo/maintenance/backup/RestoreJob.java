package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.jobs.Job;
import dev.jumbo.maintenance.jobs.JobOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code restore}: puts a chosen backup back into the live database, after checking its SHA-256. Every schema in the
 * backup is dropped and recreated in one transaction ({@code --clean --single-transaction --exit-on-error}: all or
 * nothing), except maintenance's own schema, which keeps the live job runs, backup catalogue and locks (the
 * restore's own run and lock among them). The runbook is in the service README.
 */
@Component
public class RestoreJob implements Job {

    public static final String BACKUP_ID = "backupId";

    /** {@code <dump id>; <table oid> <oid> <TYPE WORDS> <schema> <name...>} of a pg_restore --list line. */
    private static final Pattern TOC_ENTRY = Pattern.compile("^\\d+;\\s+\\d+\\s+\\d+\\s+((?:[A-Z]+\\s+)+)(\\S+)\\s*(.*)$");

    private final BackupCatalogue catalogue;
    private final BackupFiles files;
    private final PgToolsLocator tools;
    private final MaintenanceProperties.Backup settings;
    private final DatabaseAddress database;
    private final String ownSchema;

    RestoreJob(BackupCatalogue catalogue, BackupFiles files, PgToolsLocator tools, MaintenanceProperties properties,
               @Value("${jumbo.db.schema}") String ownSchema) {
        this.catalogue = catalogue;
        this.files = files;
        this.tools = tools;
        this.settings = properties.backup();
        this.database = DatabaseAddress.of(properties.jdbc());
        this.ownSchema = ownSchema;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public boolean startableWithoutParameters() {
        return false;
    }

    @Override
    public JobOutcome run(Map<String, String> parameters) {
        UUID id = UUID.fromString(parameters.get(BACKUP_ID));
        Backup backup = catalogue.find(id).blockOptional()
                .orElseThrow(() -> new IllegalStateException("Backup " + id + " is not in the catalogue."));
        Path file = files.checkedFile(backup);
        PgTools pg = tools.require();
        String toc = ToolProcess.run(List.of(pg.pgRestore().toString(), "--list", file.toString()), database, settings.toolTimeout());
        List<String> kept = new ArrayList<>();
        int skipped = 0;
        for (String line : toc.split("\n")) {
            if (line.isBlank() || line.startsWith(";")) {
                continue;
            }
            if (belongsToOwnSchema(line)) {
                skipped++;
            } else {
                kept.add(line);
            }
        }
        Path list = null;
        try {
            list = Files.createTempFile("jumbo-restore", ".list");
            Files.write(list, kept);
            ToolProcess.run(List.of(pg.pgRestore().toString(), "--clean", "--if-exists", "--single-transaction",
                    "--exit-on-error", "--no-password", "--use-list=" + list,
                    "--host=" + database.host(), "--port=" + database.port(), "--username=" + database.user(),
                    "--dbname=" + database.database(), file.toString()), database, settings.toolTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (list != null) {
                try {
                    Files.deleteIfExists(list);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("backupId", backup.id().toString());
        stats.put("file", backup.fileName());
        stats.put("backupCreatedAt", backup.createdAt().toString());
        stats.put("restoredEntries", kept.size());
        stats.put("skippedEntries", skipped);
        stats.put("keptSchema", ownSchema);
        return new JobOutcome(kept.size(), stats);
    }

    boolean belongsToOwnSchema(String line) {
        Matcher entry = TOC_ENTRY.matcher(line.strip());
        if (!entry.matches()) {
            return false;
        }
        String type = entry.group(1).strip();
        String schema = entry.group(2);
        String name = entry.group(3).strip();
        if (schema.equals(ownSchema)) {
            return true;
        }
        return schema.equals("-") && (type.equals("SCHEMA") && name.startsWith(ownSchema + " ")
                || type.equals("SCHEMA") && name.equals(ownSchema)
                || type.equals("COMMENT") && name.startsWith("SCHEMA " + ownSchema)
                || type.equals("ACL") && name.startsWith("SCHEMA " + ownSchema));
    }
}
