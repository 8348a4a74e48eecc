package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** The file of a catalogue entry, after checking it is there and its SHA-256 is the catalogue's. */
@Component
class BackupFiles {

    private final Path directory;

    BackupFiles(MaintenanceProperties properties) {
        this.directory = properties.backup().directory();
    }

    Path checkedFile(Backup backup) {
        Path file = directory.resolve(backup.fileName());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Backup file " + file + " is missing.");
        }
        String actual = Checksums.sha256(file);
        if (!actual.equals(backup.sha256())) {
            throw new IllegalStateException("Backup " + backup.fileName() + " is corrupted: its SHA-256 is " + actual
                    + " but the catalogue recorded " + backup.sha256() + ".");
        }
        return file;
    }
}
