package dev.jumbo.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends CloudEvents-framed records to the shared test broker as the producing service would (key = subject,
 * {@code ce_*} headers), and waits until the broker has them. One producer per test JVM.
 */
public final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** The contract example's event with its headers, for {@code subject}, with the given id and payload. */
    public static void publish(ContractExamples.Example example, String subject, String eventId, String payload) {
        Map<String, String> headers = new LinkedHashMap<>(example.headers());
        headers.put("ce_subject", subject);
        publish(example.topic(), subject, eventId, headers, payload);
    }

    /** Any record: {@code ce_id} and (unless given) {@code ce_time} are added to {@code headers}. */
    public static void publish(String topic, String key, String eventId, Map<String, String> headers, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        if (!headers.containsKey("ce_time")) {
            record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + topic, e.getCause());
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }
}
