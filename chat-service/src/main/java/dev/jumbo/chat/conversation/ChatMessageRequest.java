package dev.jumbo.chat.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/v1/chat/messages}: the message, and optionally the conversation it continues. */
public record ChatMessageRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = MessageText.MAX_LENGTH, message = "must be at most 4000 characters") String message,
        UUID conversationId) {
}
