package dev.jumbo.chat.conversation;

import dev.jumbo.platform.web.ProblemDetails;
import dev.jumbo.platform.web.ProblemException;
import java.util.List;
import java.util.regex.Pattern;

/** Cleans a chat message: control characters go (newlines and tabs stay); what remains is kept verbatim. */
final class MessageText {

    static final int MAX_LENGTH = 4000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private MessageText() {
    }

    static String clean(String message) {
        String cleaned = CONTROL.matcher(message).replaceAll("");
        if (cleaned.isBlank()) {
            throw new ProblemException(ProblemDetails.validation(List.of(
                    new ProblemDetails.FieldError("message", "must not be blank"))));
        }
        return cleaned;
    }

    /** The first few words of a conversation's first message. */
    static String title(String text) {
        String[] words = text.strip().split("\\s+");
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < Math.min(6, words.length) && title.length() + words[i].length() <= 60; i++) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(words[i]);
        }
        if (title.isEmpty()) {
            title.append(text.strip(), 0, Math.min(60, text.strip().length()));
        }
        return title.length() < text.strip().length() ? title + "…" : title.toString();
    }
}
