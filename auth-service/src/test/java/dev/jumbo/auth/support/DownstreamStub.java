package dev.jumbo.auth.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for another service's {@code GET /internal/v1/export} on loopback: answers the JSON it is given,
 * fails with 503, or hangs (until {@link #reset}), and records the Authorization headers it received.
 */
public final class DownstreamStub {

    public enum Mode { ANSWER, FAIL, HANG }

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ANSWER;
    private volatile String body = "{}";
    private volatile CountDownLatch release = new CountDownLatch(1);

    DownstreamStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "downstream-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/internal/v1/export", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try {
                switch (mode) {
                    case HANG -> {
                        release.await(30, TimeUnit.SECONDS);
                        exchange.sendResponseHeaders(503, -1);
                    }
                    case FAIL -> exchange.sendResponseHeaders(503, -1);
                    case ANSWER -> {
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, bytes.length);
                        exchange.getResponseBody().write(bytes);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(String json) {
        this.body = json;
        this.mode = Mode.ANSWER;
    }

    public void fail() {
        this.mode = Mode.FAIL;
    }

    public void hang() {
        this.mode = Mode.HANG;
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Releases hanging requests and answers {@code {}} again. */
    public void reset() {
        release.countDown();
        release = new CountDownLatch(1);
        authorizations.clear();
        answer("{}");
    }
}
