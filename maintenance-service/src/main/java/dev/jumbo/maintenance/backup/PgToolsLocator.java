package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds a pg_dump that can dump this server: pg_dump refuses servers of a newer major than its own. Looks in the
 * configured directories, then PATH, and takes the lowest major at or above the server's (a much newer pg_dump writes
 * settings an older server's restore rejects). Blocking: call from job threads or health checks.
 */
@Component
public class PgToolsLocator {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+((\\d+)(?:\\.\\d+)*)");

    private final List<Path> configured;
    private final JdbcTemplate jdbc;
    private final Map<Path, Optional<PgTools>> probed = new ConcurrentHashMap<>();

    private final String pathVariable;

    @Autowired
    public PgToolsLocator(MaintenanceProperties properties, JdbcTemplate jdbc) {
        this(properties.backup().pgBinDirectories(), System.getenv("PATH"), jdbc);
    }

    PgToolsLocator(List<Path> directories, String pathVariable, JdbcTemplate jdbc) {
        this.configured = directories;
        this.pathVariable = pathVariable;
        this.jdbc = jdbc;
    }

    /** The tools, or a failure whose message names the version needed and where it looked. */
    public PgTools require() {
        ServerVersion server = serverVersion();
        return find(server.major()).orElseThrow(() -> new IllegalStateException(missingMessage(server)));
    }

    public Optional<PgTools> find(int serverMajor) {
        return candidates().stream()
                .map(dir -> probed.computeIfAbsent(dir, PgToolsLocator::probe))
                .flatMap(Optional::stream)
                .filter(tools -> tools.major() >= serverMajor)
                .min(Comparator.comparingInt(PgTools::major));
    }

    public String missingMessage(ServerVersion server) {
        return "No pg_dump/pg_restore of PostgreSQL " + server.major() + " or newer found (the server is " + server.text()
                + "; pg_dump cannot dump a newer server). Searched " + candidates()
                + ". Install postgresql-client-" + server.major() + " or point JUMBO_PG_BIN_DIRS at its bin directory.";
    }

    public record ServerVersion(int major, String text) {
    }

    public ServerVersion serverVersion() {
        Integer number = jdbc.queryForObject("SHOW server_version_num", Integer.class);
        String text = jdbc.queryForObject("SHOW server_version", String.class);
        return new ServerVersion(number / 10000, text);
    }

    List<Path> candidates() {
        Set<Path> dirs = new LinkedHashSet<>(configured);
        if (pathVariable != null) {
            for (String entry : pathVariable.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        return new ArrayList<>(dirs);
    }

    private static Optional<PgTools> probe(Path dir) {
        Path dump = dir.resolve("pg_dump");
        Path restore = dir.resolve("pg_restore");
        if (!Files.isExecutable(dump) || !Files.isExecutable(restore)) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(dump.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(new PgTools(dir, Integer.parseInt(m.group(2)), m.group(1))) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
