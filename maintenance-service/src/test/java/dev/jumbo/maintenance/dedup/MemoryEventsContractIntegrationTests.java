package dev.jumbo.maintenance.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import dev.jumbo.test.ContractExamples;
import dev.jumbo.test.SharedInfrastructure;
import dev.jumbo.test.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MemoryEventsContractIntegrationTests extends MaintenanceIntegrationTest {

    private final Random random = new Random(5);

    @Test
    void shouldReadTheContractExampleWhenMemoryAddedIsConsumed() {
        ContractExamples.Example example = ContractExamples.load("memory.memories.v1", "memory-added.v1");

        MemoryAddedListener.MemoryAdded added = example.payloadAs(MemoryAddedListener.MemoryAdded.class);

        assertThat(added.userId()).isEqualTo(example.key());
        assertThat(added.memoryId()).isNotNull();
        assertThat(added.values()).containsExactly("Charvik", "Devansh");
    }

    @Test
    void shouldPublishUpdatedAndDeletedShapedLikeTheContractWhenAMergeHappens() {
        String user = newUser();
        float[] vector = randomVector(random);
        UUID survivor = insert(NewMemory.of(user, "User's friends are Charvik and Devansh", "relationships", "friends", "name",
                List.of("Charvik", "Devansh"), vector));
        UUID merged = insert(NewMemory.of(user, "User's friends are Charvik", "relationships", "friends", "name",
                List.of("Charvik"), near(vector, 0.1, random)));
        database.sql("UPDATE memory.memories SET source_message_id = gen_random_uuid() WHERE user_id = :u").bind("u", user)
                .then().block();

        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), "memory.memories.v1")) {
            runJob("dedup");
            await().atMost(Duration.ofSeconds(15)).until(() -> reader.recordsWithKey(user).size() >= 2);
            List<ConsumerRecord<String, String>> seen = reader.recordsWithKey(user);

            assertThat(seen).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(
                    "dev.jumbo.memory.memory-deleted.v1", "dev.jumbo.memory.memory-updated.v1");
            for (ConsumerRecord<String, String> record : seen) {
                String event = TopicReader.header(record, "ce_type").replace("dev.jumbo.memory.", "");
                ContractExamples.Example example = ContractExamples.load("memory.memories.v1", event);
                assertThat(shape(JSON.readTree(record.value()))).as(event).isEqualTo(shape(example.payload()));
                assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(user);
                assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/jumbo/maintenance-service");
                assertThat(record.headers().lastHeader("__TypeId__")).isNull();
            }
            assertThat(JSON.readTree(seen.get(0).value()).get("memoryId").asString()).isEqualTo(merged.toString());
            JsonNode updated = JSON.readTree(seen.get(1).value());
            assertThat(updated.get("memoryId").asString()).isEqualTo(survivor.toString());
            assertThat(updated.get("text").asString()).isEqualTo("User's friends are Charvik and Devansh");
        }
    }

    /** Field names with JSON node types (array elements by their first element). */
    private static Map<String, String> shape(JsonNode node) {
        Map<String, String> shape = new TreeMap<>();
        node.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            String type = value.getNodeType().name();
            if (value.isArray() && !value.isEmpty()) {
                type += "<" + value.get(0).getNodeType().name() + ">";
            }
            shape.put(entry.getKey(), type);
        });
        return shape;
    }
}
