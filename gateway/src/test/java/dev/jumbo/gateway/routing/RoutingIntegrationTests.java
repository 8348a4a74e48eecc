package dev.jumbo.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jumbo.gateway.support.FakeService;
import dev.jumbo.gateway.support.FakeServices;
import dev.jumbo.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RoutingIntegrationTests extends GatewayIntegrationTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "POST,   /api/v1/auth/login,                          auth",
            "GET,    /api/v1/auth/jwks,                           auth",
            "PATCH,  /api/v1/profile,                             auth",
            "GET,    /api/v1/profile/export,                      auth",
            "POST,   /api/v1/chat/messages,                       chat",
            "GET,    /api/v1/chat/conversations?limit=5&cursor=x, chat",
            "GET,    /api/v1/memories?query=sister,               memory",
            "PATCH,  /api/v1/memories/6a1c0e0e-1d8b-4a51-9f3b-1c2f0d9e8a7b, memory",
            "GET,    /api/v1/memories/moods?from=2026-01-01,      memory",
            "POST,   /api/v1/admin/jobs/dedup/runs,               maintenance",
            "GET,    /api/v1/admin/backups,                       maintenance"})
    void shouldForwardPathBodyAndHeadersWhenPathBelongsToService(String method, String path, String service) {
        String body = "{\"from\":\"" + path + "\"}";

        asAdmin().method(HttpMethod.valueOf(method)).uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header(FakeService.ECHO_HEADER, "echo-" + service)
                .header("X-Request-Id", "req-" + service)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Fake-Service", service)
                .expectHeader().valueEquals("X-Fake-Method", method)
                .expectHeader().valueEquals("X-Fake-Path", path)
                .expectHeader().valueEquals("X-Fake-Echo", "echo-" + service)
                .expectHeader().valueEquals("X-Request-Id", "req-" + service)
                .expectBody(String.class).isEqualTo(body);

        FakeService target = FakeServices.named(service);
        assertThat(target.received()).singleElement().satisfies(request -> {
            assertThat(request.pathAndQuery()).isEqualTo(path);
            assertThat(request.requestId()).isEqualTo("req-" + service);
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        });
        FakeServices.all().stream().filter(other -> other != target)
                .forEach(other -> assertThat(other.received()).as(other.name()).isEmpty());
    }

    @Test
    void shouldContinueTraceOfRequestWhenForwarding() {
        String traceparent = asUser().get().uri("/api/v1/chat/greeting")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("traceparent");

        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.split("-")[1];
        assertThat(FakeServices.CHAT.received()).singleElement()
                .satisfies(request -> assertThat(request.traceparent()).startsWith("00-" + traceId + "-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/users/1", "/actuator/health", "/actuator/prometheus", "/api/v1/profiles",
            "/api/v1/memoriesx", "/api/v1/chatx", "/api/v2/chat/greeting", "/api/v1", "/no-such-page"})
    void shouldAnswerNotFoundProblemWhenPathIsNotPublic(String path) {
        asUser().get().uri(path)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.type").isEqualTo("https://jumbo.dev/problems/not-found")
                .jsonPath("$.instance").isEqualTo(path)
                .jsonPath("$.traceId").isNotEmpty();

        FakeServices.all().forEach(service -> assertThat(service.received()).as(service.name()).isEmpty());
    }

    @Test
    void shouldServeTheWebClientWhenBrowserAsksForTheRoot() {
        assumeTrue(getClass().getResource("/static/index.html") != null, "web client not built (no npm here)");
        client.get().uri("/")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/chat/../../internal/users", "/api/v1/chat/%2e%2e/%2e%2e/actuator/health",
            "/api/v1/memories/..;/..;/internal/x"})
    void shouldAnswerNotFoundProblemWhenPublicPathClimbsOutOfItsRoute(String rawPath) {
        // an absolute URI, so the client sends the path exactly as written
        client.get().uri(URI.create("http://127.0.0.1:" + port + rawPath))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        FakeServices.all().forEach(service -> assertThat(service.received()).as(service.name()).isEmpty());
    }

    @Test
    void shouldEchoRequestIdWhenNotFoundRequestCarriesOne() {
        client.get().uri("/internal/users/1").header("X-Request-Id", "client-chosen-id")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Request-Id", "client-chosen-id")
                .expectHeader().exists("traceparent");
    }

    @Test
    void shouldAnswerServiceUnavailableProblemWhenServiceRefusesConnections() {
        FakeServices.MAINTENANCE.stop();

        asAdmin().post().uri("/api/v1/admin/jobs/dedup/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.type").isEqualTo("https://jumbo.dev/problems/service-unavailable")
                .jsonPath("$.instance").isEqualTo("/api/v1/admin/jobs/dedup/runs");
    }

    @Test
    void shouldAnswerBadGatewayProblemWhenServiceDropsConnectionWithoutAnswer() {
        asUser().get().uri("/api/v1/chat/conversations" + FakeService.DROP_CONNECTION)
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(502)
                .jsonPath("$.type").isEqualTo("https://jumbo.dev/problems/bad-gateway");
    }

    @Test
    void shouldServeActuatorWhenAskedOnManagementPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
