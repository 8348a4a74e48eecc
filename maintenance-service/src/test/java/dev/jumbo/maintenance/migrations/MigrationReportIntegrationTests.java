package dev.jumbo.maintenance.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MigrationReportIntegrationTests extends MaintenanceIntegrationTest {

    @Test
    void shouldReportAppliedVersionsWithValidChecksumsWhenNothingWasChanged() {
        JsonNode services = getJson("/api/v1/admin/migrations").get("services");

        JsonNode maintenance = service(services, "maintenance");
        assertThat(maintenance.get("present").asBoolean()).isTrue();
        assertThat(maintenance.get("allChecksumsValid").asBoolean()).isTrue();
        assertThat(versions(maintenance)).containsExactly("0.1", "0.2", "1");
        assertThat(maintenance.get("currentVersion").asString()).isEqualTo("1");
        JsonNode memory = service(services, "memory");
        assertThat(memory.get("present").asBoolean()).isTrue();
        assertThat(memory.get("allChecksumsValid").asBoolean()).isTrue();
        assertThat(memory.get("migrations").get(2).get("script").asString()).isEqualTo("V1__memories_and_moods.sql");
        assertThat(service(services, "auth").get("present").asBoolean()).isFalse();
    }

    @Test
    void shouldFlagTheVersionWhenAnAppliedChecksumNoLongerMatchesItsFile() {
        database.sql("UPDATE memory.flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'").then().block();
        try {
            JsonNode memory = service(getJson("/api/v1/admin/migrations").get("services"), "memory");

            assertThat(memory.get("allChecksumsValid").asBoolean()).isFalse();
            JsonNode v1 = memory.get("migrations").valueStream().filter(m -> m.get("version").asString().equals("1"))
                    .findFirst().orElseThrow();
            assertThat(v1.get("checksumValid").asBoolean()).isFalse();
            assertThat(v1.get("checksum").asInt()).isEqualTo(v1.get("expectedChecksum").asInt() + 1);
        } finally {
            database.sql("UPDATE memory.flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'").then().block();
        }
    }

    private static JsonNode service(JsonNode services, String name) {
        return services.valueStream().filter(s -> s.get("service").asString().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> versions(JsonNode service) {
        return service.get("migrations").valueStream().map(m -> m.get("version").asString()).toList();
    }
}
