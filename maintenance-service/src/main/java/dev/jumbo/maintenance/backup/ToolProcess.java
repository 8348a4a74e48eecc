package dev.jumbo.maintenance.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a PostgreSQL client tool to completion; the password goes in the environment, never on the command line. */
final class ToolProcess {

    private ToolProcess() {
    }

    /** @return the tool's standard output; a non-zero exit or a timeout throws with the end of its error output */
    static String run(List<String> command, DatabaseAddress database, Duration timeout) {
        Path errors = null;
        Path output = null;
        try {
            errors = Files.createTempFile("jumbo-pg-tool", ".err");
            output = Files.createTempFile("jumbo-pg-tool", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(errors.toFile()).redirectOutput(output.toFile());
            builder.environment().put("PGPASSWORD", database.password());
            builder.environment().put("PGCONNECT_TIMEOUT", "10");
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name(command) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                String error = Files.readString(errors, StandardCharsets.UTF_8).strip();
                if (error.length() > 2000) {
                    error = "…" + error.substring(error.length() - 2000);
                }
                throw new IllegalStateException(name(command) + " failed (exit " + process.exitValue() + "): " + error);
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name(command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name(command) + " was interrupted", e);
        } finally {
            deleteQuietly(errors);
            deleteQuietly(output);
        }
    }

    private static String name(List<String> command) {
        return Path.of(command.get(0)).getFileName().toString();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
