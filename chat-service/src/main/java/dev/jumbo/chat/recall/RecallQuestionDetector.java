package dev.jumbo.chat.recall;

import java.util.regex.Pattern;

/**
 * Recognises a question about what Jumbo remembers: "Do you remember my friends?", "What's my dog's name?",
 * "Where does my sister live?", "Where do I work?", "Who is my best friend?", "What do I like?".
 */
public class RecallQuestionDetector {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern MEMORY_VERB = Pattern.compile(
            "\\b(do|did|can|could|would) you (still )?(remember|recall|know)\\b"
                    + "|\\bwhat do you (remember|know|recall) about\\b|\\bremind me\\b|\\bwhat did i (tell|say)\\b", FLAGS);
    private static final Pattern ABOUT_ME = Pattern.compile(
            "\\b(what|who|where|which|when|how old|how many)(\\s*'s|\\s+is|\\s+are|\\s+was|\\s+were|\\s+does|\\s+do|\\s+did)"
                    + "\\s+(my|i|me)\\b"
                    + "|\\b(what|who|where|which)('s| is| are)\\s+(the name of )?my\\b", FLAGS);

    public boolean isRecallQuestion(String message) {
        String text = message.strip().replace('\u2019', '\'');
        if (MEMORY_VERB.matcher(text).find()) {
            return true;
        }
        return text.endsWith("?") && ABOUT_ME.matcher(text).find();
    }
}
