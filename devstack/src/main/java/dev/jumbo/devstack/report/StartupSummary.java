package dev.jumbo.devstack.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table devstack prints once everything is ready: what runs where, and where its log is. */
public final class StartupSummary {

    /** One line of the table; {@code pid} and {@code log} may be "-". */
    public record Row(String name, String port, String pid, String log) {
    }

    private static final String FORMAT = "  %-21s %-6s %-8s %s";

    private final List<Row> rows = new ArrayList<>();

    public StartupSummary add(String name, int port, String pid, String log) {
        rows.add(new Row(name, Integer.toString(port), pid, log));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String render() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, FORMAT, "SERVICE", "PORT", "PID", "LOG"))
                .append('\n');
        rows.forEach(row -> table.append(String.format(Locale.ROOT, FORMAT, row.name(), row.port(), row.pid(), row.log()))
                .append('\n'));
        return table.toString();
    }
}
