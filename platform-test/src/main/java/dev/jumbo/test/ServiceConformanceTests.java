package dev.jumbo.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Jumbo service promises on top of its own features: probes and metrics, its own schema and
 * Flyway history, problem+json for unknown paths, and no start in {@code prod} without its secrets.
 * A service's test extends this and is annotated with {@link JumboIntegrationTest}.
 */
public abstract class ServiceConformanceTests {

    @Autowired
    protected WebTestClient http;

    @Value("${jumbo.db.schema}")
    private String schema;

    /** The service's main class. */
    protected abstract Class<?> applicationClass();

    /** The secrets the service requires in {@code prod}. */
    protected abstract List<String> requiredProdSecrets();

    @Test
    void shouldReportReadyAndLiveWhenDatabaseAndKafkaAreUp() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk();
    }

    @Test
    void shouldExposePrometheusMetricsWhenScraped() {
        // a scrape is larger than the 64 KiB the services accept as request bodies
        http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void shouldHideOtherActuatorEndpointsWhenAskedAnonymously() {
        http.get().uri("/actuator/env").exchange()
                .expectStatus().value(status -> assertThat(status).isIn(401, 404));
    }

    @Test
    void shouldAnswerProblemJsonWhenCallerIsNotAuthenticated() {
        http.get().uri("/api/v1/does-not-exist").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectHeader().exists("traceparent");
    }

    @Test
    void shouldKeepItsOwnFlywayHistoryWhenMigrated() throws SQLException {
        SharedInfrastructure.Database database = SharedInfrastructure.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT script FROM " + schema + ".flyway_schema_history WHERE success ORDER BY installed_rank")) {
            List<String> scripts = new ArrayList<>();
            while (rows.next()) {
                scripts.add(rows.getString(1));
            }
            assertThat(scripts).contains("V0_1__outbox.sql", "V0_2__processed_events.sql");
        }
    }

    @Test
    void shouldRefuseToStartWhenProdSecretsAreMissing() {
        SpringApplicationBuilder prod = new SpringApplicationBuilder(applicationClass()).profiles("prod");
        assertThatThrownBy(prod::run)
                .hasMessageStartingWith("Missing required secrets for profile(s) prod: ")
                .hasMessageContaining(String.join(", ", requiredProdSecrets()));
    }
}
