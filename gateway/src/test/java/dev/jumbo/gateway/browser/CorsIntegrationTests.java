package dev.jumbo.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.gateway.support.FakeServices;
import dev.jumbo.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class CorsIntegrationTests extends GatewayIntegrationTest {

    @Test
    void shouldAnswerPreflightWithoutTokenWhenOriginIsAllowed() {
        client.options().uri("/api/v1/chat/messages")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("authorization", "content-type"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        assertThat(FakeServices.CHAT.received()).isEmpty();
    }

    @Test
    void shouldExposeHeadersToScriptWhenAllowedOriginCalls() {
        asUser().get().uri("/api/v1/chat/greeting").header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("X-Request-Id", "Retry-After", "X-RateLimit-Remaining"));
    }

    @Test
    void shouldRejectPreflightWithProblemWhenOriginIsNotAllowed() {
        client.options().uri("/api/v1/chat/messages")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.type").isEqualTo("https://jumbo.dev/problems/cors-rejected");
    }

    @Test
    void shouldRejectRequestWhenOriginIsNotAllowed() {
        asUser().get().uri("/api/v1/chat/greeting").header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        assertThat(FakeServices.CHAT.received()).isEmpty();
    }

    @Test
    void shouldRejectPreflightWhenMethodIsNotAllowed() {
        client.method(HttpMethod.OPTIONS).uri("/api/v1/chat/messages")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void shouldServeSameOriginRequestWhenOriginIsTheGatewayItself() {
        asUser().get().uri("/api/v1/chat/greeting").header(HttpHeaders.ORIGIN, "http://localhost:" + port)
                .exchange()
                .expectStatus().isOk();
    }
}
