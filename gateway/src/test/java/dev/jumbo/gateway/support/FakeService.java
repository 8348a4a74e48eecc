package dev.jumbo.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for one service behind the gateway, on a loopback port that stays the same across
 * {@link #stop()} and {@link #start()}. It answers its readiness as told and echoes every other request:
 * status 200, the request body as body, and what it received in {@code X-Fake-*} headers (except on paths
 * ending in {@link #DROP_CONNECTION}).
 */
public final class FakeService {

    public static final String ECHO_HEADER = "X-Echo";
    /** Requests to a path ending in this get the connection closed instead of an answer. */
    public static final String DROP_CONNECTION = "/drop-connection";
    private static final String READINESS = "/actuator/health/readiness";

    private final String name;
    private final ExecutorService executor;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private volatile HttpServer server;
    private volatile int port;
    private volatile int readinessStatus;
    private volatile String readinessBody;
    private volatile CountDownLatch readinessGate;

    private FakeService(String name) {
        this.name = name;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-" + name);
            thread.setDaemon(true);
            return thread;
        });
        reset();
    }

    public static FakeService start(String name) {
        FakeService service = new FakeService(name);
        service.start();
        return service;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            started.createContext("/", this::handle);
            started.setExecutor(executor);
            started.start();
            port = started.getAddress().getPort();
            server = started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start fake " + name + " on port " + port, e);
        }
    }

    /** Closes the port: connections to it are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Back to a running, ready service that has received nothing. */
    public void reset() {
        readinessStatus = 200;
        readinessBody = "{\"status\":\"UP\"}";
        CountDownLatch gate = readinessGate;
        readinessGate = null;
        if (gate != null) {
            gate.countDown();
        }
        received.clear();
        start();
    }

    public void answerReadiness(int status, String body) {
        readinessStatus = status;
        readinessBody = body;
    }

    /** Readiness requests get no answer until {@link #reset()}. */
    public void holdReadinessAnswers() {
        readinessGate = new CountDownLatch(1);
    }

    public String name() {
        return name;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (READINESS.equals(path)) {
                answerReadiness(exchange);
                return;
            }
            if (path.endsWith(DROP_CONNECTION)) {
                // closing the exchange before any answer ends the connection: the caller sees a premature close
                return;
            }
            String pathAndQuery = exchange.getRequestURI().getRawQuery() == null
                    ? path : path + "?" + exchange.getRequestURI().getRawQuery();
            received.add(new ReceivedRequest(exchange.getRequestMethod(), pathAndQuery,
                    exchange.getRequestHeaders().getFirst(ECHO_HEADER),
                    exchange.getRequestHeaders().getFirst("X-Request-Id"),
                    exchange.getRequestHeaders().getFirst("traceparent"), body, headersOf(exchange)));
            var headers = exchange.getResponseHeaders();
            headers.set("X-Fake-Service", name);
            headers.set("X-Fake-Method", exchange.getRequestMethod());
            headers.set("X-Fake-Path", pathAndQuery);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            headers.set("Content-Type", contentType == null ? "application/octet-stream" : contentType);
            String echo = exchange.getRequestHeaders().getFirst(ECHO_HEADER);
            if (echo != null) {
                headers.set("X-Fake-Echo", echo);
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, List<String>> headersOf(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return headers;
    }

    private void answerReadiness(HttpExchange exchange) throws IOException {
        CountDownLatch gate = readinessGate;
        if (gate != null) {
            try {
                // bounded, so a forgotten reset cannot hang the test JVM
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = readinessBody.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
        exchange.sendResponseHeaders(readinessStatus, body.length);
        exchange.getResponseBody().write(body);
    }

    /** What the fake saw of one forwarded request. */
    public record ReceivedRequest(String method, String pathAndQuery, String echoHeader, String requestId,
            String traceparent, byte[] body, Map<String, List<String>> headers) {

        /** The first value of a request header (names are case-insensitive), or {@code null}. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
