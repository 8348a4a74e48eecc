package dev.jumbo.memory.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** memory-service's own copy of {@code dev.jumbo.chat.message-received.v1} (contracts/events/chat.conversations.v1). */
public record MessageReceived(String userId, UUID conversationId, UUID messageId, String text, Summary summary,
                              Instant receivedAt) {

    public record Summary(String text, List<String> topics, Mood mood) {
    }

    public record Mood(String label, double valence, List<String> emotions) {
    }
}
