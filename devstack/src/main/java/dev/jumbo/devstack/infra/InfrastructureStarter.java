package dev.jumbo.devstack.infra;

import dev.jumbo.devstack.lifecycle.StopSequence;
import dev.jumbo.devstack.lifecycle.StopSequence.Phase;
import dev.jumbo.devstack.options.DevstackOptions;
import dev.jumbo.devstack.report.Durations;
import dev.jumbo.infra.KafkaBroker;
import dev.jumbo.infra.PostgresServer;
import dev.jumbo.infra.RedisServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts PostgreSQL, Kafka and Redis side by side (they do not depend on each other) and registers each
 * with the {@link StopSequence} the moment it is up, so a failure or Ctrl-C halfway leaves nothing behind.
 */
public final class InfrastructureStarter {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureStarter.class);

    private final DevstackOptions options;
    private final StopSequence stops;

    public InfrastructureStarter(DevstackOptions options, StopSequence stops) {
        this.options = options;
        this.stops = stops;
    }

    /** @throws InfrastructureStartException naming what failed; whatever did start is registered for stopping */
    public Infrastructure start(int postgresPort, int kafkaPort, int redisPort) {
        ExecutorService executor = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "infra-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<PostgresServer> postgres = startAsync(executor, "PostgreSQL", () -> {
                PostgresServer server = PostgresServer.start(options.postgresDataDirectory(), postgresPort);
                stops.register(Phase.POSTGRES, "PostgreSQL", server::close);
                return server;
            }, server -> "port " + server.port() + ", data in " + options.home().relativize(options.postgresDataDirectory()));
            CompletableFuture<KafkaBroker> kafka = startAsync(executor, "Kafka", () -> {
                KafkaBroker broker = KafkaBroker.start(options.kafkaDirectory(), kafkaPort, options.kafkaHeap());
                stops.register(Phase.KAFKA, "Kafka", broker::close);
                return broker;
            }, broker -> broker.bootstrapServers() + ", data in " + options.home().relativize(options.kafkaDirectory()));
            CompletableFuture<RedisServer> redis = startAsync(executor, "Redis", () -> {
                RedisServer server = RedisServer.start(redisPort);
                stops.register(Phase.REDIS, "Redis", server::close);
                return server;
            }, server -> "port " + server.port());

            CompletableFuture.allOf(postgres, kafka, redis).handle((ignored, error) -> null).join();
            return new Infrastructure(postgres.join().port(), kafka.join().bootstrapServers(), kafka.join().port(),
                    redis.join().port());
        } catch (CompletionException e) {
            throw new InfrastructureStartException(e.getCause());
        } finally {
            executor.shutdown();
        }
    }

    private <T> CompletableFuture<T> startAsync(ExecutorService executor, String name, Supplier<T> starter,
                                                Function<T, String> describe) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                T server = starter.get();
                log.info("{} is up: {} ({})", name, describe.apply(server),
                        Durations.seconds(Duration.ofNanos(System.nanoTime() - start)));
                return server;
            } catch (RuntimeException e) {
                throw new InfrastructureStartException(name, e);
            }
        }, executor);
        stops.awaitBeforeStopping(future);
        return future;
    }
}
