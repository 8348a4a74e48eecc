package dev.jumbo.maintenance.backup;

import java.nio.file.Path;

/** A pg_dump / pg_restore pair from one directory, and their major version. */
public record PgTools(Path directory, int major, String version) {

    public Path pgDump() {
        return directory.resolve("pg_dump");
    }

    public Path pgRestore() {
        return directory.resolve("pg_restore");
    }
}
