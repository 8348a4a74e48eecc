package dev.jumbo.auth.profile;

import dev.jumbo.platform.messaging.IdempotentEventProcessor;
import dev.jumbo.platform.messaging.IncomingEvent;
import dev.jumbo.platform.messaging.PoisonEventException;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A name the user stated in chat becomes the profile's preferred name (and {@code profile-updated} is published),
 * once per event. Other events on {@code chat.conversations.v1} are ignored.
 */
@Component
class PreferredNameStatedListener {

    static final String TOPIC = "chat.conversations.v1";
    static final String PREFERRED_NAME_STATED = "dev.jumbo.chat.preferred-name-stated.v1";
    private static final Logger log = LoggerFactory.getLogger(PreferredNameStatedListener.class);

    private final IdempotentEventProcessor events;
    private final ProfileService profiles;

    PreferredNameStatedListener(IdempotentEventProcessor events, ProfileService profiles) {
        this.events = events;
        this.profiles = profiles;
    }

    /** auth-service's own copy of the payload it reads. */
    record PreferredNameStated(UUID userId, String preferredName, UUID messageId, Instant statedAt) {
    }

    @KafkaListener(topics = TOPIC, groupId = "auth-service-preferred-names")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!PREFERRED_NAME_STATED.equals(event.type())) {
            return;
        }
        PreferredNameStated stated = events.payload(event, PreferredNameStated.class);
        if (stated.userId() == null) {
            throw new PoisonEventException("Event " + event.id() + " has no userId");
        }
        String name = PreferredName.clean(stated.preferredName()).orElseThrow(() -> new PoisonEventException(
                "Event " + event.id() + " carries a preferred name that is not a valid name"));
        boolean applied = events.processOnce("preferred-name-stated", event,
                e -> profiles.setPreferredName(stated.userId(), name).then()).block();
        log.debug("preferred-name-stated {} for {}: {}", event.id(), stated.userId(), applied ? "applied" : "duplicate");
    }
}
