package dev.jumbo.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.chat.support.ChatIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every {@code name}, {@code mood} and {@code topic} case of {@code shared/eval/cases.jsonl}, through the HTTP API. */
class EvalCasesIntegrationTests extends ChatIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> shouldPassSampleCaseWhenSentThroughTheApi() throws IOException {
        return Files.readAllLines(casesFile()).stream()
                .filter(line -> !line.isBlank())
                .map(JSON::readTree)
                .filter(c -> List.of("name", "mood", "topic").contains(c.get("kind").asString()))
                .map(c -> DynamicTest.dynamicTest(c.get("kind").asString() + ": " + c.get("text").asString(), () -> run(c)));
    }

    private void run(JsonNode c) {
        User user = newUser("eval.user");
        switch (c.get("kind").asString()) {
            case "name" -> {
                if (c.get("afterGreeting").asBoolean()) {
                    assertThat(greeting(user).get("needsName").asBoolean()).isTrue();
                }
                JsonNode turn = say(user, c.get("text").asString());
                JsonNode expected = c.get("expect");
                if (expected.isNull()) {
                    assertThat(turn.get("preferredName").isNull()).as("preferredName of %s", turn).isTrue();
                } else {
                    assertThat(turn.get("preferredName").asString()).isEqualTo(expected.asString());
                    assertThat(turn.get("reply").asString()).contains(expected.asString());
                }
            }
            case "mood" -> {
                JsonNode mood = say(user, c.get("text").asString()).get("summary").get("mood");
                List<String> emotions = strings(mood.get("emotions"));
                assertThat(emotions).as("emotions of %s", mood).containsAnyElementsOf(strings(c.get("expectAny")));
                double valence = mood.get("valence").asDouble();
                switch (c.get("valence").asString()) {
                    case "positive" -> assertThat(valence).as("valence of %s", mood).isGreaterThan(0.1);
                    case "negative" -> assertThat(valence).as("valence of %s", mood).isLessThan(-0.1);
                    default -> assertThat(valence >= -0.1 && valence <= 0.1 || mood.get("label").asString().contains(" but "))
                            .as("mixed mood %s", mood).isTrue();
                }
            }
            default -> {
                List<String> topics = strings(say(user, c.get("text").asString()).get("summary").get("topics"));
                assertThat(topics).containsAll(strings(c.get("expect")));
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    static Path casesFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("eval").resolve("cases.jsonl");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("eval").resolve("cases.jsonl");
            if (Files.isRegularFile(sibling)) {
                return sibling;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/eval/cases.jsonl not found above " + Path.of("").toAbsolutePath());
    }
}
