package dev.jumbo.devstack.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code .jumbo/devstack.state}: {@code key=value} lines the {@code jumbo} script reads to know whether the
 * stack is starting, ready, failed or stopped, and where everything runs. Rewritten atomically.
 */
public final class StateFile {

    public enum State { STARTING, READY, FAILED, STOPPING, STOPPED }

    private final Path file;
    private final Map<String, String> entries = new LinkedHashMap<>();

    public StateFile(Path file) {
        this.file = file;
    }

    public synchronized void state(State state) {
        entries.put("state", state.name().toLowerCase(Locale.ROOT));
        write();
    }

    public synchronized void put(String key, String value) {
        entries.put(key, value);
        write();
    }

    private void write() {
        String text = entries.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
