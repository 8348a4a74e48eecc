package dev.jumbo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.gateway.support.FakeServices;
import dev.jumbo.gateway.support.GatewayIntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

class RequestBodyLimitIntegrationTests extends GatewayIntegrationTest {

    private static final int LIMIT = 64 * 1024;
    private static final String PATH = "/api/v1/chat/messages";

    @Test
    void shouldAnswerPayloadTooLargeProblemWhenContentLengthExceedsLimit() {
        byte[] body = bytes(70 * 1024);

        WebTestClient.ResponseSpec response = client.post().uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();

        expectPayloadTooLargeProblem(response);
        assertThat(FakeServices.CHAT.received()).isEmpty();
    }

    @Test
    void shouldAnswerPayloadTooLargeProblemWhenChunkedBodyExceedsLimit() {
        WebTestClient.ResponseSpec response = client.post().uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(70 * 1024), DataBuffer.class)
                .exchange();

        expectPayloadTooLargeProblem(response);
        assertThat(FakeServices.CHAT.received()).isEmpty();
    }

    @Test
    void shouldForwardWhenContentLengthIsExactlyTheLimit() {
        byte[] body = bytes(LIMIT);

        asUser().post().uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).isEqualTo(body);
    }

    @Test
    void shouldForwardWhenChunkedBodyIsExactlyTheLimit() {
        asUser().post().uri(PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(LIMIT), DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).value(body -> assertThat(body).hasSize(LIMIT));
    }

    private static void expectPayloadTooLargeProblem(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.type").isEqualTo("https://jumbo.dev/problems/payload-too-large")
                .jsonPath("$.instance").isEqualTo(PATH);
    }

    /** A body without Content-Length, sent in 8 KiB chunks. */
    private static Flux<DataBuffer> chunked(int size) {
        int chunk = 8 * 1024;
        return Flux.range(0, (size + chunk - 1) / chunk)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(bytes(Math.min(chunk, size - i * chunk))));
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }
}
