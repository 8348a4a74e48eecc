package dev.jumbo.platform.outbox;

import static dev.jumbo.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.infra.FreePorts;
import dev.jumbo.infra.KafkaBroker;
import dev.jumbo.platform.support.IsolatedOutbox;
import dev.jumbo.platform.support.PlatformIntegrationTest;
import dev.jumbo.test.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OutboxIntegrationTests extends PlatformIntegrationTest {

    private static final String TOPIC = "test.things.v1";
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    DatabaseClient database;

    @Test
    void shouldPublishEventWithCloudEventsHeadersWhenTransactionCommits() {
        String user = "user-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(kafkaBootstrapServers(), TOPIC)) {
            String eventId = createThing(user, "kettle", false);

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                    .until(() -> find(reader, user), found -> !found.isEmpty()).get(0);

            assertThat(record.key()).isEqualTo(user);
            assertThat(header(record, "ce_id")).isEqualTo(eventId);
            assertThat(header(record, "ce_type")).isEqualTo("dev.jumbo.test.thing-created.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/jumbo/platform-test-app");
            assertThat(header(record, "ce_subject")).isEqualTo(user);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_time")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            assertThat(header(record, "__TypeId__")).isNull();
            JsonNode payload = json.readTree(record.value());
            assertThat(payload.get("userId").asString()).isEqualTo(user);
            assertThat(payload.get("name").asString()).isEqualTo("kettle");
        }
    }

    @Test
    void shouldPublishNothingWhenTransactionRollsBack() {
        String user = "user-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(kafkaBootstrapServers(), TOPIC)) {
            http.post().uri("/public/things?fail=true").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("userId", user, "name", "rolled-back"))
                    .exchange().expectStatus().is5xxServerError();
            // a later event of the same user lands on the same partition, after anything published before it
            createThing(user, "committed", false);

            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                    .until(() -> find(reader, user), found -> !found.isEmpty());

            assertThat(records).extracting(r -> json.readTree(r.value()).get("name").asString())
                    .containsExactly("committed");
            assertThat(rowsFor("things", user)).isEqualTo(1);
            assertThat(database.sql("SELECT count(*) AS n FROM outbox WHERE subject = :s").bind("s", user)
                    .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
        }
    }

    @Test
    void shouldPublishEventsWrittenWhileKafkaIsDownWhenItComesBack() throws Exception {
        IsolatedOutbox outbox = new IsolatedOutbox();
        int port = FreePorts.next();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = outbox.relay("127.0.0.1:" + port, meters);
        String topic = "test.kafka-down." + UUID.randomUUID();
        relay.start();
        KafkaBroker broker = null;
        try {
            UUID eventId = outbox.transactions.transactional(
                    outbox.writer.append(new OutboxEvent(topic, "dev.jumbo.test.kept.v1", "user-1", Map.of("n", 1)))).block();

            await().atMost(Duration.ofSeconds(20)).until(() -> meters.counter("jumbo.outbox.failures").count() >= 2);
            assertThat(outbox.unpublished()).isEqualTo(1);

            broker = KafkaBroker.start(Files.createTempDirectory("kafka-comes-back"), port);
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
                List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(60))
                        .until(reader::records, found -> !found.isEmpty());
                assertThat(header(records.get(0), "ce_id")).isEqualTo(eventId.toString());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.unpublished() == 0);
        } finally {
            relay.stop();
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    void shouldPublishEachEventOnceAndInOrderPerUserWhenTwoRelaysRun() {
        IsolatedOutbox outbox = new IsolatedOutbox();
        String topic = "test.two-relays." + UUID.randomUUID();
        int users = 6;
        int perUser = 40;
        Flux.range(0, perUser)
                .concatMap(sequence -> Flux.range(0, users).concatMap(user -> outbox.transactions.transactional(
                        outbox.writer.append(new OutboxEvent(topic, "dev.jumbo.test.numbered.v1", "user-" + user,
                                Map.of("sequence", sequence))))))
                .blockLast();
        OutboxRelay first = outbox.relay(kafkaBootstrapServers(), new SimpleMeterRegistry());
        OutboxRelay second = outbox.relay(kafkaBootstrapServers(), new SimpleMeterRegistry());
        first.start();
        second.start();
        try (TopicReader reader = new TopicReader(kafkaBootstrapServers(), topic)) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(60))
                    .until(reader::records, found -> found.size() >= users * perUser);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> reader.records().size() == users * perUser);

            assertThat(records.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(users * perUser);
            Map<String, List<Integer>> sequences = new HashMap<>();
            for (ConsumerRecord<String, String> record : reader.records()) {
                sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(json.readTree(record.value()).get("sequence").asInt());
            }
            assertThat(sequences).hasSize(users);
            sequences.values().forEach(seen -> assertThat(seen).isSorted().hasSize(perUser));
            assertThat(outbox.unpublished()).isZero();
        } finally {
            first.stop();
            second.stop();
        }
    }

    private String createThing(String user, String name, boolean fail) {
        Map<?, ?> body = http.post().uri("/public/things?fail=" + fail).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", user, "name", name))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("eventId");
    }

    private static List<ConsumerRecord<String, String>> find(TopicReader reader, String key) {
        return reader.records().stream().filter(r -> key.equals(r.key())).collect(Collectors.toList());
    }

    private long rowsFor(String table, String user) {
        return database.sql("SELECT count(*) AS n FROM " + table + " WHERE user_id = :u").bind("u", user)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
