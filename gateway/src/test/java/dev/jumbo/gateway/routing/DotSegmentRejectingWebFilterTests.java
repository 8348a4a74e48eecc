package dev.jumbo.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.platform.web.ProblemException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DotSegmentRejectingWebFilterTests {

    private final DotSegmentRejectingWebFilter filter = new DotSegmentRejectingWebFilter();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/chat/../../internal/users", "/api/v1/chat/./greeting",
            "/api/v1/chat/%2e%2e/%2E%2E/actuator/health", "/api/v1/chat/..;x/internal", "/api/v1/chat/..%2finternal",
            "/api/v1/chat/..%5cinternal", "/api/v1/chat/%252e%252e/internal", "/api/v1/memories/x%252finternal"})
    void shouldAnswerNotFoundWhenPathHasDotSegmentsOrEncodedSlashes(String rawPath) {
        AtomicBoolean passedOn = new AtomicBoolean();

        StepVerifier.create(filter.filter(exchange(rawPath), passingOn(passedOn)))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.problem().getStatus()).isEqualTo(404)))
                .verify();
        assertThat(passedOn).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/chat/greeting", "/api/v1/memories/6a1c0e0e-1d8b-4a51-9f3b-1c2f0d9e8a7b",
            "/api/v1/chat/conversations/a.b/messages", "/api/v1/memories/...", "/health", "/"})
    void shouldPassRequestOnWhenPathIsPlain(String rawPath) {
        AtomicBoolean passedOn = new AtomicBoolean();

        StepVerifier.create(filter.filter(exchange(rawPath), passingOn(passedOn))).verifyComplete();
        assertThat(passedOn).isTrue();
    }

    private static MockServerWebExchange exchange(String rawPath) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create(rawPath)).build());
    }

    private static WebFilterChain passingOn(AtomicBoolean passedOn) {
        return exchange -> Mono.fromRunnable(() -> passedOn.set(true));
    }
}
