package dev.jumbo.chat.conversation;

import dev.jumbo.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Opaque page cursors: base64url of the position of the last item on the page. */
final class Cursors {

    record ConversationPosition(Instant lastMessageAt, UUID id) {
    }

    private Cursors() {
    }

    static String ofConversation(Conversation last) {
        return encode(last.lastMessageAt().getEpochSecond() + ":" + last.lastMessageAt().getNano() + ":" + last.conversationId());
    }

    static ConversationPosition conversation(String cursor) {
        try {
            String[] parts = decode(cursor).split(":", 3);
            return new ConversationPosition(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    static String ofSequence(long seq) {
        return encode("m:" + seq);
    }

    static long sequence(String cursor) {
        try {
            String decoded = decode(cursor);
            if (!decoded.startsWith("m:")) {
                throw invalid();
            }
            return Long.parseLong(decoded.substring(2));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                "The cursor is not one this API handed out.");
    }
}
