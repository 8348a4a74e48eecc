package dev.jumbo.chat.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jumbo.chat.engine.Summary;
import java.util.List;
import java.util.UUID;

/** The answer to a chat message, exactly as API.md shows it; {@code messageId} is the user's message. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Turn(UUID conversationId, UUID messageId, String reply, Summary summary, String preferredName,
                   List<MemoryUsed> memoriesUsed) {

    public record MemoryUsed(String id, String text) {
    }
}
