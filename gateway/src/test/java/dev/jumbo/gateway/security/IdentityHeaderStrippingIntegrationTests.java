package dev.jumbo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.gateway.support.FakeService;
import dev.jumbo.gateway.support.FakeServices;
import dev.jumbo.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class IdentityHeaderStrippingIntegrationTests extends GatewayIntegrationTest {

    @Test
    void shouldStripIdentityHeadersAndKeepOthersWhenForwarding() {
        asUser().get().uri("/api/v1/memories")
                .header("X-User-Id", "someone-else")
                .header("X-User-Roles", "admin")
                .header("X-Forwarded-User", "someone-else")
                .header("X-Auth-Request-User", "someone-else")
                .header("x-auth-user-id", "lower-case-too")
                .header("X-Authenticated-Userid", "someone-else")
                .header(FakeService.ECHO_HEADER, "kept")
                .exchange()
                .expectStatus().isOk();

        assertThat(FakeServices.MEMORY.received()).singleElement().satisfies(request -> {
            assertThat(request.headers()).doesNotContainKeys("X-User-Id", "X-User-Roles", "X-Forwarded-User",
                    "X-Auth-Request-User", "X-Auth-User-Id", "X-Authenticated-Userid");
            assertThat(request.echoHeader()).isEqualTo("kept");
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(userToken));
        });
    }

    @Test
    void shouldStripIdentityHeadersWhenEndpointIsPublic() {
        client.post().uri("/api/v1/auth/login")
                .header("X-User-Id", "someone-else")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk();

        assertThat(FakeServices.AUTH.received()).singleElement()
                .satisfies(request -> assertThat(request.headers()).doesNotContainKey("X-User-Id"));
    }
}
