package dev.jumbo.gateway.browser;

import dev.jumbo.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityHeadersIntegrationTests extends GatewayIntegrationTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"proxied", "health", "not-found", "unauthorized", "api-docs"})
    void shouldSendSecurityHeadersWhenAnsweringAnything(String kind) {
        WebTestClient.ResponseSpec response = switch (kind) {
            case "proxied" -> asUser().get().uri("/api/v1/chat/greeting").exchange().expectStatus().isOk();
            case "health" -> client.get().uri("/health").exchange().expectStatus().isOk();
            case "not-found" -> client.get().uri("/nothing/here").exchange().expectStatus().isNotFound();
            case "unauthorized" -> client.get().uri("/api/v1/memories").exchange().expectStatus().isUnauthorized();
            default -> client.get().uri("/api-docs").exchange().expectStatus().isOk();
        };

        response.expectHeader().valueEquals("Content-Security-Policy", CSP)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }
}
