package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Applies the {@link RetentionPolicy} to the catalogue: deletes the files (then rows) it does not keep, updates kinds. */
@Component
public class BackupRetention {

    private static final Logger log = LoggerFactory.getLogger(BackupRetention.class);

    private final BackupCatalogue catalogue;
    private final RetentionPolicy policy;
    private final Path directory;

    @Autowired
    public BackupRetention(BackupCatalogue catalogue, MaintenanceProperties properties) {
        this(catalogue, properties.backup().retention(), properties.backup().directory());
    }

    public BackupRetention(BackupCatalogue catalogue, MaintenanceProperties.Retention retention, Path directory) {
        this.catalogue = catalogue;
        this.policy = new RetentionPolicy(retention);
        this.directory = directory;
    }

    public record Result(int kept, int deleted) {
    }

    /** Blocking: call from a job thread. */
    public Result apply() {
        List<Backup> backups = catalogue.all().collectList().block();
        Map<java.util.UUID, String> keep = policy.keep(backups.stream()
                .map(b -> new RetentionPolicy.Entry(b.id(), b.createdAt())).toList());
        int deleted = 0;
        for (Backup backup : backups) {
            String kind = keep.get(backup.id());
            if (kind == null) {
                try {
                    Files.deleteIfExists(directory.resolve(backup.fileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not delete expired backup " + backup.fileName(), e);
                }
                catalogue.delete(backup.id()).block();
                deleted++;
                log.info("Deleted backup {} ({}) by retention", backup.fileName(), backup.createdAt());
            } else if (!kind.equals(backup.kind())) {
                catalogue.setKind(backup.id(), kind).block();
            }
        }
        return new Result(keep.size(), deleted);
    }
}
