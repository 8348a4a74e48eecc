package dev.jumbo.maintenance.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class PgToolsIntegrationTests extends MaintenanceIntegrationTest {

    @Autowired
    PgToolsLocator tools;

    @Autowired
    DataSource dataSource;

    @Test
    void shouldNameTheNeededVersionWhenNoPgDumpIsFound() {
        PgToolsLocator nowhere = new PgToolsLocator(List.of(Path.of("/nonexistent")), "", new JdbcTemplate(dataSource));
        int major = nowhere.serverVersion().major();

        assertThatThrownBy(nowhere::require)
                .hasMessageContaining("No pg_dump/pg_restore of PostgreSQL " + major + " or newer found")
                .hasMessageContaining("postgresql-client-" + major);
        assertThat(tools.find(major + 100)).isEmpty();
    }

    @Test
    void shouldFailTheBackupRunWithTheReasonWhenNoPgDumpIsFound() {
        int major = tools.serverVersion().major();
        JsonNode health = JSON.readTree(http.get().uri("/actuator/health").exchange()
                .expectBody().returnResult().getResponseBody()).get("components").get("backupTools");

        if (tools.find(major).isPresent()) {
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("details").get("pgDumpVersion").asString()).startsWith(String.valueOf(major));
        } else {
            assertThat(health.get("status").asString()).isEqualTo("DOWN");
            assertThat(health.get("details").get("reason").asString()).contains("PostgreSQL " + major + " or newer");
            JsonNode run = runJob("backup");
            assertThat(run.get("status").asString()).isEqualTo("failed");
            assertThat(run.get("error").asString()).contains("PostgreSQL " + major + " or newer");
        }
    }
}
