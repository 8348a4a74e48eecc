package dev.jumbo.maintenance.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class AdminApiIntegrationTests extends MaintenanceIntegrationTest {

    @Test
    void shouldAnswerNotFoundWhenCallerIsNotAdmin() {
        for (String uri : List.of("/api/v1/admin/jobs", "/api/v1/admin/backups", "/api/v1/admin/migrations")) {
            http.get().uri(uri).header("Authorization", userToken()).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.post().uri("/api/v1/admin/jobs/dedup/runs").header("Authorization", userToken()).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/admin/jobs").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldStartARunAndListItWhenAdminTriggersAJob() {
        JsonNode run = runJob("archive");
        assertThat(run.get("job").asString()).isEqualTo("archive");
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("startedAt").asString()).isNotBlank();
        assertThat(run.get("finishedAt").asString()).isNotBlank();
        assertThat(run.get("stats").has("archived")).isTrue();
        assertThat(run.get("traceId").asString()).hasSize(32);

        JsonNode page = getJson("/api/v1/admin/jobs?job=archive&limit=1");
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(run.get("id").asString());
    }

    @Test
    void shouldPageThroughEveryRunWhenFollowingCursors() {
        for (int i = 0; i < 3; i++) {
            runJob("dedup");
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = getJson("/api/v1/admin/jobs?job=dedup&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(item -> assertThat(seen.add(item.get("id").asString())).isTrue());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldAnswerProblemsWhenParametersAreWrong() {
        http.get().uri("/api/v1/admin/jobs?limit=500").header("Authorization", adminToken()).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/admin/jobs?cursor=nonsense").header("Authorization", adminToken()).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/v1/admin/jobs?job=nope").header("Authorization", adminToken()).exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/v1/admin/jobs/nope/runs").header("Authorization", adminToken()).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/admin/jobs/restore/runs").header("Authorization", adminToken()).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/v1/admin/backups/{id}/restore", java.util.UUID.randomUUID()).header("Authorization", adminToken())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldExportJobMetricsWhenARunEnds() {
        runJob("dedup");
        http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jumbo_maintenance_job_duration_seconds_count{application=\"maintenance-service\",job=\"dedup\",status=\"succeeded\"}")
                        .contains("jumbo_maintenance_job_items_total{application=\"maintenance-service\",job=\"dedup\"}")
                        .containsPattern("jumbo_maintenance_job_last_success_seconds\\{application=\"maintenance-service\",job=\"dedup\"} 1\\.\\d+E9")
                        .contains("jumbo_maintenance_backup_age_seconds"));
    }
}
