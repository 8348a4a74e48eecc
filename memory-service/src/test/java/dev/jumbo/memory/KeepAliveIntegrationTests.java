package dev.jumbo.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * One kept-alive HTTP/1.1 connection, spoken byte for byte, as chat-service's pooled WebClient reuses it.
 * Reactor Netty before 1.3.8 stopped reading such a connection for good when a request that had to wait for the
 * previous one (queued because it arrived before that one's response was finished) was then answered at once
 * (reactor/reactor-netty#4361, #4347): the client's next request stayed unread in the socket until it timed out.
 * Sending two requests in one write makes that queueing certain instead of a race.
 */
class KeepAliveIntegrationTests extends MemoryIntegrationTest {

    private static final int ANSWER_WITHIN_MILLIS = 20_000;

    @Value("${local.server.port}")
    private int port;

    @Test
    void shouldAnswerTheNextRequestOnTheSameConnectionWhenAQueuedRequestWasAnsweredAtOnce() throws IOException {
        String recall = "{\"question\":\"Where does my sister live?\",\"limit\":5}";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            // the recall answers later (database), so the request behind it is queued, then answered at once
            for (Map.Entry<String, Integer> queued : List.of(Map.entry(get("/api/v1/memories"), 401),
                    Map.entry(get("/actuator/health/liveness"), 200))) {
                out.write((post("/internal/v1/recall", bearer(newUser()), recall) + queued.getKey())
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(statusOf(readResponse(in))).isEqualTo(200);
                assertThat(statusOf(readResponse(in))).isEqualTo(queued.getValue());
            }

            out.write(get("/actuator/health/liveness").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(statusOf(readResponse(in))).as("answer to the next request on the same connection").isEqualTo(200);
        }
    }

    private String post(String path, String authorization, String json) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
    }

    private static int statusOf(String head) {
        return Integer.parseInt(head.substring(head.indexOf(' ') + 1, head.indexOf(' ') + 4));
    }

    /** Reads one response (head and its body, by Content-Length or chunks) and returns its head. */
    private static String readResponse(InputStream in) throws IOException {
        String head;
        try {
            head = readUntil(in, "\r\n\r\n");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no response on the kept-alive connection within " + ANSWER_WITHIN_MILLIS + " ms", e);
        }
        String lower = head.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int end = lower.indexOf("\r\n", length + 2);
            in.readNBytes(Integer.parseInt(head.substring(length + 17, end).trim()));
        } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
            int size;
            do {
                size = Integer.parseInt(readUntil(in, "\r\n").trim(), 16);
                in.readNBytes(size + 2);
            } while (size > 0);
        }
        return head;
    }

    private static String readUntil(InputStream in, String terminator) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith(terminator)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the server closed the kept-alive connection");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
