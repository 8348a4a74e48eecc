package dev.jumbo.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContractExamplesTests {

    private final List<ContractExamples.Example> examples = ContractExamples.all();

    @Test
    void shouldHaveAnExampleForEveryEventOfTheArchitectureWhenLoaded() {
        assertThat(examples).extracting(e -> e.topic() + "/" + e.event()).containsExactlyInAnyOrder(
                "auth.users.v1/user-registered.v1", "auth.users.v1/profile-updated.v1", "auth.users.v1/user-deleted.v1",
                "chat.conversations.v1/message-received.v1", "chat.conversations.v1/preferred-name-stated.v1",
                "memory.memories.v1/memory-added.v1", "memory.memories.v1/memory-updated.v1",
                "memory.memories.v1/memory-deleted.v1");
    }

    @Test
    void shouldNameTypeAfterOwnerEventAndVersionWhenFramedAsCloudEvent() {
        for (ContractExamples.Example example : examples) {
            String owner = example.topic().substring(0, example.topic().indexOf('.'));
            assertThat(example.headers()).containsEntry("ce_type", "dev.jumbo." + owner + "." + example.event())
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/jumbo/" + owner + "-service")
                    .doesNotContainKey("__TypeId__");
        }
    }

    @Test
    void shouldKeyEveryEventByItsUserWhenPublished() {
        for (ContractExamples.Example example : examples) {
            String user = example.payload().get("userId").asString();
            assertThat(UUID.fromString(user)).isNotNull();
            assertThat(example.key()).isEqualTo(user);
            assertThat(example.headers().get("ce_subject")).isEqualTo(user);
        }
    }

    @Test
    void shouldUseCamelCaseFieldsAndUtcTimestampsWhenSerialised() {
        List<String> problems = new ArrayList<>();
        examples.forEach(example -> check(example.event(), example.payload(), problems));
        assertThat(problems).isEmpty();
    }

    private static void check(String path, JsonNode node, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().matches("[a-z][a-zA-Z0-9]*")) {
                    problems.add(path + "." + field.getKey() + " is not camelCase");
                }
                if (field.getKey().endsWith("At") && !field.getValue().isNull()) {
                    String value = field.getValue().asString();
                    try {
                        assertThat(Instant.parse(value).toString()).isEqualTo(value);
                    } catch (RuntimeException e) {
                        problems.add(path + "." + field.getKey() + " is not an ISO-8601 UTC instant: " + value);
                    }
                }
                check(path + "." + field.getKey(), field.getValue(), problems);
            }
        } else if (node.isArray()) {
            node.forEach(element -> check(path + "[]", element, problems));
        }
    }
}
