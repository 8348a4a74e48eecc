package dev.jumbo.platform.testapp;

import dev.jumbo.platform.messaging.IdempotentEventProcessor;
import dev.jumbo.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Consumes test events idempotently; a payload with {@code "fail": true} fails every time. */
@Component
class EffectListener {

    static final String TOPIC = "test.effects.v1";

    private final IdempotentEventProcessor events;
    private final DatabaseClient database;

    EffectListener(IdempotentEventProcessor events, DatabaseClient database) {
        this.events = events;
        this.database = database;
    }

    record EffectRequested(String note, boolean fail) {
    }

    @KafkaListener(topics = TOPIC, groupId = "platform-test-effects")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        EffectRequested payload = events.payload(event, EffectRequested.class);
        events.processOnce("effects", event, e -> database
                        .sql("INSERT INTO effects (event_id, user_id, note) VALUES (:id, :user, :note)")
                        .bind("id", e.id()).bind("user", e.subject()).bind("note", payload.note())
                        .then()
                        .then(payload.fail() ? Mono.error(new IllegalStateException("effect failed")) : Mono.empty()))
                .block();
    }
}
