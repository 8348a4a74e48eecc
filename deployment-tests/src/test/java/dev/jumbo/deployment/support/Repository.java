package dev.jumbo.deployment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The working tree these tests check: found by walking up from the module to the folder with docker-compose.yml. */
public final class Repository {

    private static final Path ROOT = locateRoot();

    private Repository() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("platform-bom"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no Jumbo working tree above " + Path.of("").toAbsolutePath());
    }
}
