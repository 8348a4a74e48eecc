package dev.jumbo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class IdentityHeaderStrippingWebFilterTests {

    private final IdentityHeaderStrippingWebFilter filter = new IdentityHeaderStrippingWebFilter(
            new IdentityHeadersProperties(List.of("X-User-*", "X-Forwarded-User", "X-Auth-*")));

    @ParameterizedTest
    @ValueSource(strings = {"X-User-Id", "x-user-roles", "X-USER-EMAIL", "X-Forwarded-User", "X-Auth-Request-User", "x-auth-token"})
    void shouldRecogniseIdentityHeaderWhenNameOrPrefixMatchesInAnyCase(String name) {
        assertThat(filter.isIdentityHeader(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "User-Agent", "X-Request-Id", "X-Forwarded-For", "X-Forwarded-Users-Agent",
            "Content-Type"})
    void shouldKeepHeaderWhenItClaimsNoIdentity(String name) {
        assertThat(filter.isIdentityHeader(name)).isFalse();
    }

    @Test
    void shouldPassRequestOnWithoutIdentityHeadersWhenItHasSome() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/memories")
                .header("X-User-Id", "1").header("X-Auth-Roles", "admin").header(HttpHeaders.AUTHORIZATION, "Bearer t"));
        AtomicReference<HttpHeaders> passedOn = new AtomicReference<>();

        StepVerifier.create(filter.filter(exchange, next -> Mono.fromRunnable(
                () -> passedOn.set(next.getRequest().getHeaders())))).verifyComplete();

        assertThat(passedOn.get().headerNames()).containsExactly(HttpHeaders.AUTHORIZATION);
        assertThat(passedOn.get().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer t");
    }
}
