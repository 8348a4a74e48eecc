package dev.jumbo.platform.outbox;

import java.util.Objects;

/**
 * An event to publish: the topic, its CloudEvents type (e.g. {@code dev.jumbo.chat.message-received.v1}),
 * the subject (the user id; also the Kafka key, so one user's events stay in order) and a payload that
 * serialises to JSON.
 */
public record OutboxEvent(String topic, String type, String subject, Object payload) {

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(payload, "payload");
    }
}
