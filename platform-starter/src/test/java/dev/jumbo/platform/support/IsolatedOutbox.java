package dev.jumbo.platform.support;

import dev.jumbo.platform.outbox.OutboxProperties;
import dev.jumbo.platform.outbox.OutboxRelay;
import dev.jumbo.platform.outbox.OutboxWriter;
import dev.jumbo.test.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbox in a schema of its own, on the shared PostgreSQL, with relays wired by hand: lets a test run
 * several relays, or point one at a broker that is not there yet, without touching the shared context.
 */
public final class IsolatedOutbox {

    public final String schema = "outbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final DatabaseClient database;
    public final TransactionalOperator transactions;
    public final OutboxWriter writer;

    public IsolatedOutbox() {
        this(SharedInfrastructure.database());
    }

    public IsolatedOutbox(SharedInfrastructure.Database db) {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .schemas(schema).createSchemas(true)
                .locations("classpath:db/platform")
                .load().migrate();
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, db.host())
                .option(ConnectionFactoryOptions.PORT, db.port())
                .option(ConnectionFactoryOptions.DATABASE, db.name())
                .option(ConnectionFactoryOptions.USER, db.user())
                .option(ConnectionFactoryOptions.PASSWORD, db.password())
                .option(Option.valueOf("schema"), schema)
                .build());
        database = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
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
