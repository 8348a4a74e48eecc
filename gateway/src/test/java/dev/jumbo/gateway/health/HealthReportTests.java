package dev.jumbo.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTests {

    @Test
    void shouldBeUpWhenEveryServiceIsUp() {
        HealthReport report = HealthReport.of(services(ServiceStatus.UP, ServiceStatus.UP));

        assertThat(report.status()).isEqualTo(ServiceStatus.UP);
        assertThat(report.isUp()).isTrue();
    }

    @Test
    void shouldBeDownAndKeepEveryServiceWhenOneServiceIsDown() {
        HealthReport report = HealthReport.of(services(ServiceStatus.UP, ServiceStatus.DOWN));

        assertThat(report.status()).isEqualTo(ServiceStatus.DOWN);
        assertThat(report.services()).containsExactly(Map.entry("auth", ServiceStatus.UP),
                Map.entry("chat", ServiceStatus.DOWN));
    }

    private static Map<String, ServiceStatus> services(ServiceStatus auth, ServiceStatus chat) {
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        services.put("auth", auth);
        services.put("chat", chat);
        return services;
    }
}
