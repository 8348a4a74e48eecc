package dev.jumbo.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes outbox rows to Kafka with CloudEvents headers, oldest first. Safe with several replicas: each
 * batch is claimed with {@code FOR UPDATE SKIP LOCKED}, and a subject whose earlier events are claimed by
 * another replica is left for later, so one user's events stay in order. While Kafka is down the relay
 * backs off exponentially; nothing is lost because rows are only marked published once Kafka acknowledged.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private Duration backoff = Duration.ZERO;

    public OutboxRelay(DatabaseClient database, TransactionalOperator transactions, KafkaTemplate<String, String> kafka,
                       OutboxProperties properties, MeterRegistry meters) {
        this.database = database;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("jumbo.outbox.published").description("Events the relay published").register(meters);
        this.failures = Counter.builder("jumbo.outbox.failures").description("Relay batches that failed").register(meters);
        meters.gauge("jumbo.outbox.pending", pending);
    }

    /** Publishes one batch; emits how many events were published. */
    public Mono<Integer> publishBatch() {
        // the rows sent before a failure are committed as published; the failure is raised after the commit
        return transactions.transactional(claimBatch().flatMap(this::publishInOrder))
                .flatMap(result -> {
                    published.increment(result.sent());
                    return result.failure() == null ? Mono.just(result.sent()) : Mono.error(result.failure());
                });
    }

    private Mono<List<OutboxRow>> claimBatch() {
        return database.sql("""
                        SELECT id, event_id, topic, event_type, subject, payload, traceparent, occurred_at
                        FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("limit", properties.batchSize())
                .map((row, meta) -> new OutboxRow(
                        row.get("id", Long.class), row.get("event_id", UUID.class), row.get("topic", String.class),
                        row.get("event_type", String.class), row.get("subject", String.class),
                        row.get("payload", String.class), row.get("traceparent", String.class),
                        row.get("occurred_at", OffsetDateTime.class)))
                .all()
                .collectList()
                .flatMap(this::withoutSubjectsClaimedElsewhere);
    }

    private Mono<List<OutboxRow>> withoutSubjectsClaimedElsewhere(List<OutboxRow> batch) {
        if (batch.isEmpty()) {
            return Mono.just(batch);
        }
        Long[] ids = batch.stream().map(OutboxRow::id).toArray(Long[]::new);
        String[] subjects = batch.stream().map(OutboxRow::subject).distinct().toArray(String[]::new);
        return database.sql("""
                        SELECT DISTINCT subject FROM outbox
                        WHERE published_at IS NULL AND subject = ANY(:subjects) AND id < :maxId AND NOT (id = ANY(:ids))""")
                .bind("subjects", subjects)
                .bind("maxId", ids[ids.length - 1])
                .bind("ids", ids)
                .map(row -> row.get("subject", String.class))
                .all()
                .collect(HashSet<String>::new, Set::add)
                .map(blocked -> batch.stream().filter(row -> !blocked.contains(row.subject())).toList());
    }

    private Mono<BatchResult> publishInOrder(List<OutboxRow> batch) {
        List<Long> sent = new ArrayList<>();
        return Flux.fromIterable(batch)
                .concatMap(row -> send(row).thenReturn(row.id()))
                .doOnNext(sent::add)
                .then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(failure -> markPublished(sent).thenReturn(new BatchResult(sent.size(), failure.orElse(null))));
    }

    private Mono<Void> send(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.subject(), row.payload());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.eventId().toString());
        header(record, "ce_type", row.type());
        header(record, "ce_source", properties.source());
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        header(record, "ce_subject", row.subject());
        header(record, "content-type", "application/json");
        if (row.traceparent() != null) {
            header(record, "traceparent", row.traceparent());
        }
        return Mono.fromFuture(() -> kafka.send(record)).timeout(properties.sendTimeout()).then();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mono<Void> markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    /** Deletes published rows older than the retention. */
    public Mono<Long> purgePublished() {
        return database.sql("DELETE FROM outbox WHERE published_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) properties.retention().toSeconds())
                .fetch().rowsUpdated();
    }

    private Mono<Long> countPending() {
        return database.sql("SELECT count(*) AS n FROM outbox WHERE published_at IS NULL")
                .map(row -> row.get("n", Long.class)).one();
    }

    private void runOnce() {
        if (!running) {
            return;
        }
        Duration next = properties.pollInterval();
        try {
            int count = publishBatch().block(properties.sendTimeout().multipliedBy(2).plusSeconds(30));
            backoff = Duration.ZERO;
            if (count >= properties.batchSize()) {
                next = Duration.ZERO;
            }
        } catch (RuntimeException e) {
            failures.increment();
            backoff = backoff.isZero() ? properties.initialBackoff() : min(backoff.multipliedBy(2), properties.maxBackoff());
            next = backoff;
            log.warn("Outbox relay could not publish ({}); next try in {} ms", rootMessage(e), backoff.toMillis());
        }
        schedule(next);
    }

    private void housekeeping() {
        try {
            pending.set(countPending().blockOptional().orElse(0L));
            purgePublished().block();
        } catch (RuntimeException e) {
            log.debug("Outbox housekeeping failed", e);
        }
    }

    private void schedule(Duration delay) {
        if (running) {
            executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            return;
        }
        executor = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        schedule(Duration.ZERO);
        executor.scheduleWithFixedDelay(this::housekeeping, 5, 60, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the Kafka producer and the connection pool
        return Integer.MAX_VALUE - 100;
    }

    private record BatchResult(int sent, Throwable failure) {
    }

    private record OutboxRow(Long id, UUID eventId, String topic, String type, String subject, String payload,
                             String traceparent, OffsetDateTime occurredAt) {
    }
}
