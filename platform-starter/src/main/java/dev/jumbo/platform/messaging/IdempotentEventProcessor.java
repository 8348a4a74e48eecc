package dev.jumbo.platform.messaging;

import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies an event's effect at most once per consumer: a {@code processed_events} row is inserted in the
 * same transaction as the effect, so a redelivered event finds its row and is skipped, and a failed
 * effect leaves no row behind.
 */
public class IdempotentEventProcessor {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public IdempotentEventProcessor(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Runs {@code effect} inside a transaction unless this consumer already processed the event.
     * @return {@code true} when the effect ran, {@code false} for a duplicate
     */
    public Mono<Boolean> processOnce(String consumer, IncomingEvent event, Function<IncomingEvent, Mono<Void>> effect) {
        Mono<Boolean> work = database.sql("""
                        INSERT INTO processed_events (consumer, event_id, subject) VALUES (:consumer, :eventId, :subject)
                        ON CONFLICT DO NOTHING""")
                .bind("consumer", consumer)
                .bind("eventId", event.id())
                .bind("subject", event.subject() == null ? "" : event.subject())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : effect.apply(event).thenReturn(true));
        return transactions.transactional(work);
    }

    /** Reads the payload as the consumer's own record type; a payload that does not fit is a poison message. */
    public <T> T payload(IncomingEvent event, Class<T> type) {
        try {
            return json.readValue(event.payload(), type);
        } catch (JacksonException e) {
            throw new PoisonEventException("Event " + event.id() + " of type " + event.type()
                    + " has a payload that is not a valid " + type.getSimpleName(), e);
        }
    }
}
