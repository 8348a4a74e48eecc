package dev.jumbo.memory.ingest;

import dev.jumbo.memory.extraction.Fact;
import java.util.List;
import dev.jumbo.platform.messaging.IdempotentEventProcessor;
import dev.jumbo.platform.messaging.IncomingEvent;
import dev.jumbo.platform.messaging.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns chat messages into memories and mood entries, once per event. Other event types on the topic are ignored. */
@Component
class ConversationEventsListener {

    static final String TOPIC = "chat.conversations.v1";
    static final String MESSAGE_RECEIVED = "dev.jumbo.chat.message-received.v1";
    static final String CONSUMER = "memory-message-received";

    private final IdempotentEventProcessor events;
    private final MessageIngestion ingestion;

    ConversationEventsListener(IdempotentEventProcessor events, MessageIngestion ingestion) {
        this.events = events;
        this.ingestion = ingestion;
    }

    @KafkaListener(topics = TOPIC, groupId = "memory-service-conversations")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!MESSAGE_RECEIVED.equals(event.type())) {
            return;
        }
        MessageReceived message = events.payload(event, MessageReceived.class);
        if (message.userId() == null || message.messageId() == null || message.text() == null) {
            throw new PoisonEventException("Event " + event.id() + " lacks userId, messageId or text");
        }
        // facts first, outside the transaction: no database connection is held while a language model thinks
        List<Fact> facts = ingestion.factsOf(message).block();
        events.processOnce(CONSUMER, event, e -> ingestion.ingest(message, facts)).block();
    }
}
