package dev.jumbo.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the public API through the gateway, as the web and mobile clients use it. */
final class PublicApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String accessToken;
    final String email;

    private PublicApiClient(String baseUrl, String email) {
        this.baseUrl = baseUrl;
        this.email = email;
    }

    static PublicApiClient anonymous(String baseUrl) {
        return new PublicApiClient(baseUrl, null);
    }

    /** Signs up a new user with an email of the given local part (which becomes the username). */
    static PublicApiClient signUp(String baseUrl, String localPart) {
        return signUp(baseUrl, localPart, "correct horse battery staple " + UUID.randomUUID());
    }

    static PublicApiClient signUp(String baseUrl, String localPart, String password) {
        return signUpWithEmail(baseUrl, localPart + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com", password);
    }

    static PublicApiClient signUpWithEmail(String baseUrl, String email, String password) {
        PublicApiClient client = new PublicApiClient(baseUrl, email);
        Response created = client.send("POST", "/api/v1/auth/signup", Map.of("email", client.email, "password", password));
        if (created.status() != 201) {
            throw new IllegalStateException("signup answered " + created.status() + ": " + created.body());
        }
        client.accessToken = created.json().get("accessToken").asString();
        return client;
    }

    /** Logs in (again); the new access token replaces the old one. */
    Response login(String password) {
        Response response = send("POST", "/api/v1/auth/login", Map.of("email", email, "password", password));
        if (response.status() == 200) {
            accessToken = response.json().get("accessToken").asString();
        }
        return response;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a chat message and returns the turn. */
    JsonNode say(String message) {
        Response turn = post("/api/v1/chat/messages", Map.of("message", message));
        if (turn.status() != 200) {
            throw new IllegalStateException("chat answered " + turn.status() + ": " + turn.body());
        }
        return turn.json();
    }

    Response send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
