package dev.jumbo.chat.conversation;

import dev.jumbo.chat.engine.Summary;
import java.time.Instant;
import java.util.UUID;

/** The events chat-service publishes on {@code chat.conversations.v1} (shapes in contracts/events). */
final class ConversationEvents {

    static final String TOPIC = "chat.conversations.v1";
    static final String MESSAGE_RECEIVED = "dev.jumbo.chat.message-received.v1";
    static final String PREFERRED_NAME_STATED = "dev.jumbo.chat.preferred-name-stated.v1";

    record MessageReceived(String userId, UUID conversationId, UUID messageId, String text, Summary summary,
                           Instant receivedAt) {
    }

    record PreferredNameStated(String userId, String preferredName, UUID messageId, Instant statedAt) {
    }

    private ConversationEvents() {
    }
}
