package dev.jumbo.memory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import dev.jumbo.test.ContractExamples;
import dev.jumbo.test.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Contract tests: what memory-service consumes and publishes matches contracts/events. */
class EventContractIntegrationTests extends MemoryIntegrationTest {

    @Test
    void shouldConsumeTheContractExampleWhenMessageReceivedArrives() {
        ContractExamples.Example example = ContractExamples.load("chat.conversations.v1", "message-received.v1");
        String user = newUser();
        JsonNode payload = example.payload().deepCopy();
        ((tools.jackson.databind.node.ObjectNode) payload).put("userId", user);
        publish(example, user, UUID.randomUUID().toString(), JSON.writeValueAsString(payload));

        List<JsonNode> memories = await().atMost(Duration.ofSeconds(10)).until(() -> memoriesOf(user), m -> !m.isEmpty());
        assertThat(memories.get(0).get("text").asString()).isEqualTo("User's friends are Charvik and Devansh");
        assertThat(memories.get(0).get("sourceMessageId").asString()).isEqualTo(example.payload().get("messageId").asString());
        JsonNode moods = getJson(user, "/api/v1/memories/moods?from=2026-11-26&to=2026-11-26");
        assertThat(moods.get("entries").get(0).get("label").asString()).isEqualTo("tired but proud");
    }

    @Test
    void shouldPublishAddedUpdatedAndDeletedShapedLikeTheContractWhenMemoriesChange() {
        String user = newUser();
        try (KafkaConsumer<String, String> reader = reader("memory.memories.v1")) {
            sayAll(user, List.of("My sister lives in London.", "My sister moved to Paris."));
            String id = memoriesOf(user).get(0).get("id").asString();
            http.delete().uri("/api/v1/memories/" + id).header("Authorization", bearer(user)).exchange()
                    .expectStatus().isNoContent();

            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (user.equals(r.key())) {
                        seen.add(r);
                    }
                });
                return seen.size() >= 3;
            });

            assertThat(seen).extracting(r -> header(r, "ce_type")).containsExactly(
                    "dev.jumbo.memory.memory-added.v1", "dev.jumbo.memory.memory-updated.v1",
                    "dev.jumbo.memory.memory-deleted.v1");
            for (ConsumerRecord<String, String> record : seen) {
                String event = header(record, "ce_type").replace("dev.jumbo.memory.", "");
                ContractExamples.Example example = ContractExamples.load("memory.memories.v1", event);
                JsonNode published = JSON.readTree(record.value());
                assertThat(shape(published)).as(event).isEqualTo(shape(example.payload()));
                assertThat(header(record, "ce_subject")).isEqualTo(user);
                assertThat(header(record, "ce_source")).isEqualTo(example.headers().get("ce_source"));
                assertThat(record.headers().lastHeader("__TypeId__")).isNull();
            }
            JsonNode updated = JSON.readTree(seen.get(1).value());
            assertThat(updated.get("text").asString()).isEqualTo("User's sister lives in Paris");
            assertThat(updated.get("previousText").asString()).isEqualTo("User's sister lives in London");
            assertThat(updated.get("category").asString()).isEqualTo("relationships");
        }
    }

    /** Field names with JSON node types, recursively (array elements by their first element). */
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

    private static KafkaConsumer<String, String> reader(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
