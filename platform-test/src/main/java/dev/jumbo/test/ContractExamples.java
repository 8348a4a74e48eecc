package dev.jumbo.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example events in {@code contracts/events/}: producers compare what they write with them,
 * consumers read them into their own records. That pair of tests is the contract test.
 */
public final class ContractExamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContractExamples() {
    }

    /** The example of {@code event} (e.g. {@code "message-received.v1"}) on {@code topic}. */
    public static Example load(String topic, String event) {
        return read(directory().resolve(topic).resolve(event + ".json"));
    }

    public static List<Example> all() {
        try (Stream<Path> files = Files.walk(directory())) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(ContractExamples::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("contracts").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("contracts/events not found above " + Path.of("").toAbsolutePath());
    }

    private static Example read(Path file) {
        try {
            JsonNode document = JSON.readTree(Files.readString(file));
            Map<String, String> headers = new LinkedHashMap<>();
            document.get("headers").properties().forEach(entry -> headers.put(entry.getKey(), entry.getValue().asString()));
            return new Example(file.getParent().getFileName().toString(), file.getFileName().toString().replace(".json", ""),
                    headers, document.get("key").asString(), document.get("payload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One example: topic, event name with version, CloudEvents headers, key, payload. */
    public record Example(String topic, String event, Map<String, String> headers, String key, JsonNode payload) {

        public String payloadJson() {
            return JSON.writeValueAsString(payload);
        }

        public <T> T payloadAs(Class<T> type) {
            return JSON.treeToValue(payload, type);
        }
    }
}
