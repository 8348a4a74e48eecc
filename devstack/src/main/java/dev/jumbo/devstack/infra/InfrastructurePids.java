package dev.jumbo.devstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pids of the servers the embedded-infra classes started (they do not expose them), so the
 * summary can show them and {@code ./jumbo down} can find leftovers after a {@code kill -9} of devstack.
 */
public final class InfrastructurePids {

    private InfrastructurePids() {
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid} in the data directory. */
    public static Optional<Long> postgres(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The Kafka broker: a child JVM of this one running {@code kafka.Kafka}. */
    public static Optional<Long> kafka() {
        return childWhoseCommandLineContains("kafka.Kafka");
    }

    /** Redis: a child process of this one running the {@code redis-server} binary. */
    public static Optional<Long> redis() {
        return childWhoseCommandLineContains("redis-server");
    }

    private static Optional<Long> childWhoseCommandLineContains(String fragment) {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().map(line -> line.contains(fragment)).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }
}
