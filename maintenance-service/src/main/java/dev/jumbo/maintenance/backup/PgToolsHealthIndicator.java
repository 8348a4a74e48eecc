package dev.jumbo.maintenance.backup;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code backupTools} in {@code /actuator/health}: DOWN with the reason when no pg_dump can dump this server, so
 * backups would fail. Not part of readiness: the API still serves.
 */
@Component("backupTools")
class PgToolsHealthIndicator implements HealthIndicator {

    private final PgToolsLocator locator;

    PgToolsHealthIndicator(PgToolsLocator locator) {
        this.locator = locator;
    }

    @Override
    public Health health() {
        PgToolsLocator.ServerVersion server = locator.serverVersion();
        return locator.find(server.major())
                .map(tools -> Health.up().withDetail("pgDump", tools.pgDump().toString())
                        .withDetail("pgDumpVersion", tools.version()).withDetail("serverVersion", server.text()).build())
                .orElseGet(() -> Health.down().withDetail("reason", locator.missingMessage(server))
                        .withDetail("serverVersion", server.text()).build());
    }
}
