package dev.jumbo.chat.users;

import dev.jumbo.chat.conversation.ConversationStore;
import dev.jumbo.platform.messaging.IdempotentEventProcessor;
import dev.jumbo.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the users projection in step with auth-service ({@code auth.users.v1}) and erases everything of a
 * deleted user: conversations, messages, sentences, projection and name state.
 */
@Component
class AuthUsersListener {

    static final String TOPIC = "auth.users.v1";
    static final String CONSUMER = "chat-users";

    private final IdempotentEventProcessor events;
    private final ChatUsers users;
    private final ConversationStore conversations;

    AuthUsersListener(IdempotentEventProcessor events, ChatUsers users, ConversationStore conversations) {
        this.events = events;
        this.users = users;
        this.conversations = conversations;
    }

    record UserRegistered(String userId, String username, String preferredName) {
    }

    record ProfileUpdated(String userId, String username, String preferredName) {
    }

    record UserDeleted(String userId) {
    }

    @KafkaListener(topics = TOPIC, groupId = "chat-service-users")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case "dev.jumbo.auth.user-registered.v1" -> {
                UserRegistered registered = events.payload(event, UserRegistered.class);
                events.processOnce(CONSUMER, event, e -> users.upsertFromAccount(registered.userId(),
                        registered.username(), registered.preferredName())).block();
            }
            case "dev.jumbo.auth.profile-updated.v1" -> {
                ProfileUpdated updated = events.payload(event, ProfileUpdated.class);
                events.processOnce(CONSUMER, event, e -> users.upsertFromAccount(updated.userId(),
                        updated.username(), updated.preferredName())).block();
            }
            case "dev.jumbo.auth.user-deleted.v1" -> {
                UserDeleted deleted = events.payload(event, UserDeleted.class);
                events.processOnce(CONSUMER, event, e -> conversations.deleteAllOf(deleted.userId())
                        .then(users.delete(deleted.userId()))).block();
            }
            default -> {
                // other auth events are not chat-service's business
            }
        }
    }
}
