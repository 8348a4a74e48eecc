package dev.jumbo.gateway.health;

import java.util.Map;

/** The body of {@code GET /health}: {@code UP} only when every service is. */
public record HealthReport(ServiceStatus status, Map<String, ServiceStatus> services) {

    static HealthReport of(Map<String, ServiceStatus> services) {
        boolean allUp = services.values().stream().allMatch(ServiceStatus.UP::equals);
        return new HealthReport(allUp ? ServiceStatus.UP : ServiceStatus.DOWN, services);
    }

    boolean isUp() {
        return status == ServiceStatus.UP;
    }
}
