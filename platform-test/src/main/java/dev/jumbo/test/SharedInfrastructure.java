package dev.jumbo.test;

import dev.jumbo.infra.KafkaBroker;
import dev.jumbo.infra.PostgresServer;
import dev.jumbo.infra.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real servers integration tests run against, started at most once per test JVM and shared by every
 * Spring context in it. Environment variables point tests at external servers instead:
 * {@code JUMBO_TEST_DB_HOST}, {@code JUMBO_TEST_DB_PORT}, {@code JUMBO_TEST_DB_NAME}, {@code JUMBO_TEST_DB_USER},
 * {@code JUMBO_TEST_DB_PASSWORD},
 * {@code JUMBO_TEST_KAFKA_BOOTSTRAP_SERVERS}, {@code JUMBO_TEST_REDIS_HOST} / {@code JUMBO_TEST_REDIS_PORT}.
 */
public final class SharedInfrastructure {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static RedisServer redis;

    private SharedInfrastructure() {
    }

    public static synchronized Database database() {
        Optional<String> external = env("JUMBO_TEST_DB_HOST");
        if (external.isPresent()) {
            return new Database(external.get(), Integer.parseInt(env("JUMBO_TEST_DB_PORT").orElse("5432")),
                    env("JUMBO_TEST_DB_NAME").orElse(PostgresServer.DATABASE),
                    env("JUMBO_TEST_DB_USER").orElse("postgres"), env("JUMBO_TEST_DB_PASSWORD").orElse(""));
        }
        if (postgres == null) {
            postgres = PostgresServer.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
        }
        return new Database("localhost", postgres.port(), PostgresServer.DATABASE, PostgresServer.USER, "");
    }

    public static synchronized String kafkaBootstrapServers() {
        Optional<String> external = env("JUMBO_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (external.isPresent()) {
            return external.get();
        }
        if (kafka == null) {
            kafka = KafkaBroker.start(tempDirectory("jumbo-test-kafka"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-test-kafka"));
        }
        return kafka.bootstrapServers();
    }

    public static synchronized RedisAddress redis() {
        Optional<String> host = env("JUMBO_TEST_REDIS_HOST");
        if (host.isPresent()) {
            return new RedisAddress(host.get(), Integer.parseInt(env("JUMBO_TEST_REDIS_PORT").orElse("6379")));
        }
        if (redis == null) {
            redis = RedisServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "stop-test-redis"));
        }
        return new RedisAddress("127.0.0.1", redis.port());
    }

    static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    public record Database(String host, int port, String name, String user, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }

    public record RedisAddress(String host, int port) {
    }
}
