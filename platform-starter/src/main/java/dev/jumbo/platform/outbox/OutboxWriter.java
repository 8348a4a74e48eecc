package dev.jumbo.platform.outbox;

import dev.jumbo.platform.web.TraceparentWebFilter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the service's {@code outbox} table. Call it inside the transaction that makes the state
 * change ({@code @Transactional} or a {@code TransactionalOperator}): then the event exists exactly when the
 * change does.
 */
public class OutboxWriter {

    private final DatabaseClient database;
    private final JsonMapper json;
    private final ObjectProvider<Tracer> tracer;

    public OutboxWriter(DatabaseClient database, JsonMapper json, ObjectProvider<Tracer> tracer) {
        this.database = database;
        this.json = json;
        this.tracer = tracer;
    }

    /** Appends the event; emits its id. */
    public Mono<UUID> append(OutboxEvent event) {
        return Mono.defer(() -> {
            UUID eventId = UUID.randomUUID();
            DatabaseClient.GenericExecuteSpec insert = database.sql("""
                            INSERT INTO outbox (event_id, topic, event_type, subject, payload, traceparent)
                            VALUES (:eventId, :topic, :type, :subject, :payload, :traceparent)""")
                    .bind("eventId", eventId)
                    .bind("topic", event.topic())
                    .bind("type", event.type())
                    .bind("subject", event.subject())
                    .bind("payload", json.writeValueAsString(event.payload()));
            String traceparent = currentTraceparent();
            insert = traceparent == null ? insert.bindNull("traceparent", String.class) : insert.bind("traceparent", traceparent);
            return insert.then().thenReturn(eventId);
        });
    }

    private String currentTraceparent() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : TraceparentWebFilter.format(span.context());
    }
}
