package dev.jumbo.platform.support;

import dev.jumbo.platform.outbox.OutboxProperties;
import dev.jumbo.platform.outbox.OutboxRelay;
import dev.jumbo.platform.outbox.OutboxWriter;
import dev.jumbo.test.ScratchSchema;
import dev.jumbo.test.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbox in a schema of its own, on the shared PostgreSQL, with relays wired by hand: lets a test run
 * several relays, or point one at a broker that is not there yet, without touching the shared context.
 */
public final class IsolatedOutbox {

    public final DatabaseClient database;
    public final TransactionalOperator transactions;
    public final OutboxWriter writer;

    public IsolatedOutbox() {
        this(SharedInfrastructure.database());
    }

    public IsolatedOutbox(SharedInfrastructure.Database db) {
        ScratchSchema scratch = new ScratchSchema(db, "outbox", "classpath:db/platform");
        database = scratch.database;
        transactions = scratch.transactions;
        writer = new OutboxWriter(database, JsonMapper.builder().build(), new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class));
    }

    public OutboxRelay relay(String bootstrapServers, SimpleMeterRegistry meters) {
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000)));
        OutboxProperties properties = new OutboxProperties(true, Duration.ofMillis(50), 25, Duration.ofSeconds(4),
                Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofDays(7), "/jumbo/test");
        return new OutboxRelay(database, transactions, kafka, properties, meters);
    }

    public long unpublished() {
        return database.sql("SELECT count(*) AS n FROM outbox WHERE published_at IS NULL")
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
