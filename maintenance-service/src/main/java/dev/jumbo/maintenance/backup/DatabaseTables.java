package dev.jumbo.maintenance.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Row counts of every table of a database (all schemas but the system ones), over one JDBC connection. */
final class DatabaseTables {

    private DatabaseTables() {
    }

    /** {@code "schema.table" -> rows}, read in the connection's current transaction (its snapshot). */
    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT table_schema, table_name FROM information_schema.tables
                     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                       AND table_schema NOT LIKE 'pg\\_%'
                     ORDER BY 1, 2""")) {
            while (rows.next()) {
                tables.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String[] table : tables) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quote(table[0]) + "." + quote(table[1]))) {
                rows.next();
                counts.put(table[0] + "." + table[1], rows.getLong(1));
            }
        }
        return counts;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
