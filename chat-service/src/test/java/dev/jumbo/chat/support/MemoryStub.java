package dev.jumbo.chat.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for memory-service's internal recall API ({@code POST /internal/v1/recall}), which another team
 * is building: per user (the token's subject) it answers memories, nothing, slowly, or drops the connection.
 */
public final class MemoryStub {

    public sealed interface Behaviour {
    }

    public record Answers(String json) implements Behaviour {
    }

    public record Slow(long millis, String json) implements Behaviour {
    }

    public record Down() implements Behaviour {
    }

    /** A request the stub received: the bearer token's subject and the JSON body. */
    public record Received(String subject, String authorization, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MemoryStub instance;

    private final HttpServer server;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private MemoryStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "memory-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/internal/v1/recall", this::recall);
        server.start();
    }

    public static synchronized MemoryStub get() {
        if (instance == null) {
            instance = new MemoryStub();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void behave(String userId, Behaviour behaviour) {
        behaviours.put(userId, behaviour);
    }

    public List<Received> receivedFor(String userId) {
        return received.stream().filter(r -> userId.equals(r.subject())).toList();
    }

    private void recall(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String subject = subjectOf(authorization);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        received.add(new Received(subject, authorization, body));
        Behaviour behaviour = behaviours.getOrDefault(subject, new Answers("{\"memories\":[]}"));
        if (behaviour instanceof Down) {
            exchange.close(); // connection dropped without an answer, like a crashed server
        } else if (behaviour instanceof Slow slow) {
            pause(slow.millis());
            respond(exchange, slow.json());
        } else if (behaviour instanceof Answers answers) {
            respond(exchange, answers.json());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the stub itself is slow on purpose; tests never sleep
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the client gave up (time limit): nothing to answer
        } finally {
            exchange.close();
        }
    }

    private static String subjectOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.get("sub").asString();
    }
}
