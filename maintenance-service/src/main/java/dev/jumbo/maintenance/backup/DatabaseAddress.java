package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import java.net.URI;

/** Where the database is, for the PostgreSQL client tools and for connections to other databases on the server. */
public record DatabaseAddress(String host, int port, String database, String user, String password) {

    public static DatabaseAddress of(MaintenanceProperties.Jdbc jdbc) {
        String url = jdbc.url();
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("jumbo.maintenance.jdbc.url must be a jdbc:postgresql:// URL");
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseAddress(uri.getHost() == null ? "localhost" : uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? "postgres" : path, jdbc.username(), jdbc.password() == null ? "" : jdbc.password());
    }

    public String jdbcUrl(String otherDatabase) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + otherDatabase;
    }
}
