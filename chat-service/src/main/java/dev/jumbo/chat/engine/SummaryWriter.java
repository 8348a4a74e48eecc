package dev.jumbo.chat.engine;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short third-person paraphrase of the message: "Harsha feels exhausted but proud about work." */
class SummaryWriter {

    private static final Pattern ABOUT_MY = Pattern.compile("\\bmy\\s+([\\p{L}' ]{2,40}?)(?:[?.!,]|$| live| do| called| name)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    String write(ConversationEngine.SummaryRequest request, List<String> topics, Mood mood) {
        String subject = request.name() == null ? "User" : request.name();
        if (request.recallQuestion()) {
            Matcher about = ABOUT_MY.matcher(request.text());
            return about.find()
                    ? subject + " asks what Jumbo remembers about their " + about.group(1).strip().toLowerCase(Locale.ROOT) + "."
                    : subject + " asks what Jumbo remembers about them.";
        }
        boolean neutral = mood.emotions().isEmpty();
        if (request.nameJustStated() && neutral && topics.isEmpty()) {
            return "User wants to be called " + request.name() + ".";
        }
        String about = topics.isEmpty() ? "" : " about " + join(topics);
        if (neutral) {
            return topics.isEmpty() ? subject + " shares a thought." : subject + " talks" + about + ".";
        }
        return subject + " feels " + mood.label() + about + ".";
    }

    private static String join(List<String> topics) {
        if (topics.size() == 1) {
            return topics.get(0);
        }
        return String.join(", ", topics.subList(0, topics.size() - 1)) + " and " + topics.get(topics.size() - 1);
    }
}
