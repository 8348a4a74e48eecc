package dev.jumbo.chat.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation as listed: {@code GET /api/v1/chat/conversations}. */
public record Conversation(UUID conversationId, Instant startedAt, Instant lastMessageAt, String title) {
}
