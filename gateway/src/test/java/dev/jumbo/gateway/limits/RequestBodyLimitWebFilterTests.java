package dev.jumbo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.gateway.JumboGatewayProperties;
import dev.jumbo.platform.web.ProblemException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class RequestBodyLimitWebFilterTests {

    private static final int LIMIT = 1024;

    private final RequestBodyLimitWebFilter filter = new RequestBodyLimitWebFilter(new JumboGatewayProperties(
            new JumboGatewayProperties.Services(URI.create("http://a"), URI.create("http://c"),
                    URI.create("http://m"), URI.create("http://x")),
            Duration.ofSeconds(2), DataSize.ofBytes(LIMIT)));

    private final AtomicLong bytesPassedOn = new AtomicLong(-1);

    @Test
    void shouldRejectBeforeReadingWhenDeclaredContentLengthExceedsLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/chat/messages")
                .contentLength(LIMIT + 1)
                .body(Flux.error(new AssertionError("the body must not be read"))));

        StepVerifier.create(filter.filter(exchange, readingBody()))
                .expectErrorSatisfies(RequestBodyLimitWebFilterTests::isPayloadTooLarge)
                .verify();
        assertThat(bytesPassedOn).hasValue(-1);
    }

    @Test
    void shouldPassBodyOnWhenDeclaredContentLengthIsTheLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/chat/messages")
                .contentLength(LIMIT)
                .body(chunks(LIMIT, 100)));

        StepVerifier.create(filter.filter(exchange, readingBody())).verifyComplete();
        assertThat(bytesPassedOn).hasValue(LIMIT);
    }

    @Test
    void shouldRejectWhenBodyWithoutContentLengthGrowsPastLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/chat/messages")
                .body(chunks(LIMIT + 1, 100)));

        StepVerifier.create(filter.filter(exchange, readingBody()))
                .expectErrorSatisfies(RequestBodyLimitWebFilterTests::isPayloadTooLarge)
                .verify();
        assertThat(bytesPassedOn).as("nothing is passed on before the whole body is known to fit").hasValue(-1);
    }

    @Test
    void shouldPassWholeBodyOnWhenBodyWithoutContentLengthIsTheLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/chat/messages")
                .body(chunks(LIMIT, 100)));

        StepVerifier.create(filter.filter(exchange, readingBody())).verifyComplete();
        assertThat(bytesPassedOn).hasValue(LIMIT);
    }

    @Test
    void shouldPassOnWhenRequestHasNoBody() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/chat/greeting"));

        StepVerifier.create(filter.filter(exchange, readingBody())).verifyComplete();
        assertThat(bytesPassedOn).hasValue(0);
    }

    private WebFilterChain readingBody() {
        return exchange -> exchange.getRequest().getBody()
                .map(buffer -> {
                    int bytes = buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .reduce(0L, Long::sum)
                .doOnNext(bytesPassedOn::set)
                .then();
    }

    private static Flux<DataBuffer> chunks(int size, int chunk) {
        return Flux.range(0, (size + chunk - 1) / chunk)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[Math.min(chunk, size - i * chunk)]));
    }

    private static void isPayloadTooLarge(Throwable failure) {
        assertThat(failure).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.problem().getStatus()).isEqualTo(413);
            assertThat(problem.problem().getType()).hasToString("https://jumbo.dev/problems/payload-too-large");
        });
    }
}
