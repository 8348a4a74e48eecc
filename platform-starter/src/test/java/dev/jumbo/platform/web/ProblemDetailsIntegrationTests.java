package dev.jumbo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.platform.support.PlatformIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProblemDetailsIntegrationTests extends PlatformIntegrationTest {

    @Test
    void shouldAnswerUnauthorizedBeforeRoutingWhenAnonymousCallerAsksForAProtectedPath() {
        http.get().uri("/no/such/path").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerProblemJsonWithTraceIdWhenPathIsUnknown() {
        http.get().uri("/public/no/such/path").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueMatches("traceparent", "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.instance").isEqualTo("/public/no/such/path")
                .jsonPath("$.traceId").value(id -> assertThat((String) id).matches("[0-9a-f]{32}"))
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void shouldUseTheTraceOfTheResponseWhenReportingTraceId() {
        var result = http.get().uri("/public/things/6f1d3c1e-4a7b-4b57-9d38-0d2a5d1c9e11").exchange()
                .expectStatus().isNotFound()
                .expectBody(Map.class).returnResult();
        String traceparent = result.getResponseHeaders().getFirst("traceparent");
        assertThat(traceparent).contains((String) result.getResponseBody().get("traceId"));
        assertThat(result.getResponseBody().get("detail")).isEqualTo("No thing 6f1d3c1e-4a7b-4b57-9d38-0d2a5d1c9e11");
    }

    @Test
    void shouldListEveryInvalidFieldWhenBodyFailsValidation() {
        http.post().uri("/public/things").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", " ", "name", "x".repeat(21)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'userId')].message").exists()
                .jsonPath("$.errors[?(@.field == 'name')].message").exists();
    }

    @Test
    void shouldAnswerBadRequestWhenBodyIsNotJson() {
        http.post().uri("/public/things").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Malformed request");
    }

    @Test
    void shouldAnswerPayloadTooLargeWhenBodyExceeds64KiB() {
        String big = "{\"userId\":\"u\",\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        http.post().uri("/public/things").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void shouldEchoRequestIdWhenClientSendsOne() {
        http.get().uri("/no/such/path").header("X-Request-Id", "client-id-123").exchange()
                .expectHeader().valueEquals("X-Request-Id", "client-id-123");
    }

    @Test
    void shouldReplaceRequestIdWhenClientSendsAMalformedOne() {
        http.get().uri("/no/such/path").header("X-Request-Id", "<script>").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotEqualTo("<script>").hasSize(36));
    }

    @Test
    void shouldHideTheCauseWhenHandlerFailsUnexpectedly() {
        http.post().uri("/public/things?fail=true").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", "user-hidden", "name", "boom"))
                .exchange()
                .expectStatus().is5xxServerError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("on purpose"))
                .jsonPath("$.traceId").exists();
    }
}
