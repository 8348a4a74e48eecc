package dev.jumbo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.platform.support.PlatformIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Value;

/**
 * One kept-alive HTTP/1.1 connection, spoken byte for byte. Two requests in one write make Reactor Netty queue the
 * second behind the first (answered later, after a database write); the queued one is answered at once. Reactor
 * Netty 1.3.6 then stopped reading the connection (reactor/reactor-netty#4361), so the third request went unanswered.
 */
class KeptAliveConnectionIntegrationTests extends PlatformIntegrationTest {

    private static final int ANSWER_WITHIN_MILLIS = 5_000;

    @Value("${local.server.port}")
    private int port;

    @RepeatedTest(3)
    void shouldAnswerTheNextRequestOnTheSameConnectionWhenAQueuedRequestWasAnsweredAtOnce() throws IOException {
        String thing = "{\"userId\":\"keep-alive\",\"name\":\"kettle\"}";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write((post("/public/things", thing) + get("/public/things/" + UUID.randomUUID()))
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(statusOf(readResponse(in))).isEqualTo(200);
            assertThat(statusOf(readResponse(in))).isEqualTo(404);

            out.write(get("/public/things/" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(statusOf(readResponse(in))).as("answer to the next request on the same connection").isEqualTo(404);
        }
    }

    private String post(String path, String json) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
    }

    private static int statusOf(String head) {
        return Integer.parseInt(head.substring(head.indexOf(' ') + 1, head.indexOf(' ') + 4));
    }

    /** Reads one response (head and body, by Content-Length or chunks) and returns its head. */
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
            in.readNBytes(Integer.parseInt(head.substring(length + 17, lower.indexOf("\r\n", length + 2)).trim()));
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
