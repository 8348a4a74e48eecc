package dev.jumbo.memory.recall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every {@code recall} case of the shared eval set, at the memory-service level: the statements are published as
 * message-received events for a fresh user, then {@code /internal/v1/recall} answers the question.
 */
class EvalRecallCasesIntegrationTests extends MemoryIntegrationTest {

    static Stream<Arguments> recallCases() throws IOException {
        Path cases = evalDirectory().resolve("cases.jsonl");
        return Files.readAllLines(cases).stream()
                .filter(line -> !line.isBlank())
                .map(JSON::readTree)
                .filter(node -> "recall".equals(node.get("kind").asString()))
                .map(node -> Arguments.of(node.get("question").asString(), strings(node.get("statements")),
                        strings(node.get("expectAll")), strings(node.get("expectNone"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recallCases")
    void shouldRecallStatedFactsWhenAskedTheEvalQuestion(String question, List<String> statements, List<String> expectAll,
                                                         List<String> expectNone) {
        String user = newUser();
        sayAll(user, statements);

        String recalled = recalledValues(recall(user, question));

        expectAll.forEach(expected -> assertThat(recalled).contains(expected));
        expectNone.forEach(unexpected -> assertThat(recalled).doesNotContain(unexpected));
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    static Path evalDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("eval");
            if (Files.isRegularFile(candidate.resolve("cases.jsonl"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/eval/cases.jsonl not found above " + Path.of("").toAbsolutePath());
    }
}
