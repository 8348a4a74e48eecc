package dev.jumbo.maintenance.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AbandonedRunIntegrationTests extends MaintenanceIntegrationTest {

    @Test
    void shouldMarkARunLeftRunningByAStoppedReplicaAsFailedWhenTheJobRunsAgain() {
        UUID orphan = UUID.randomUUID();
        database.sql("INSERT INTO job_runs (id, job, status, trigger, started_at, instance) "
                        + "VALUES (:id, 'archive', 'running', 'schedule', :at, 'gone-replica')")
                .bind("id", orphan).bind("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3)).then().block();

        JsonNode run = runJob("archive");

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        JsonNode abandoned = getJson("/api/v1/admin/jobs/archive/runs/" + orphan);
        assertThat(abandoned.get("status").asString()).isEqualTo("failed");
        assertThat(abandoned.get("error").asString()).startsWith("abandoned");
        assertThat(abandoned.get("finishedAt").isNull()).isFalse();
    }
}
