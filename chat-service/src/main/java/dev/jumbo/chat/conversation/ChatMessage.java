package dev.jumbo.chat.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jumbo.chat.engine.Mood;
import java.time.Instant;
import java.util.UUID;

/** A message as listed: {@code mood} only on the user's messages. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(UUID messageId, String role, String text, Instant createdAt, Mood mood) {
}
