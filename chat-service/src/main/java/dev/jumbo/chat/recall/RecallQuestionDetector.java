package dev.jumbo.chat.recall;

import java.util.regex.Pattern;

/**
 * Recognises a question about what Jumbo remembers: "Do you remember my friends?", "What's my dog's name?",
 * "Where does my sister live?", "Where do I work?", "Who is my best friend?", "What do I like?", "Do I have any
 * pets?", "Which film do I love most?".
 */
public class RecallQuestionDetector {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String HAD_THINGS = "(pets?|dogs?|cats?|siblings|brothers?|sisters?|kids|children|sons?|daughters?"
            + "|allerg(y|ies))";
    private static final Pattern MEMORY_VERB = Pattern.compile(
            "\\b(do|did|can|could|would) you (still )?(remember|recall|know)\\b"
                    + "|\\bwhat do you (remember|know|recall) about\\b|\\bremind me\\b|\\bwhat did i (tell|say)\\b", FLAGS);
    private static final Pattern ABOUT_ME = Pattern.compile(
            "\\b(what|who|where|which|when|how old|how many)(\\s*'s|\\s+is|\\s+are|\\s+was|\\s+were|\\s+does|\\s+do|\\s+did)"
                    + "\\s+(my|i|me)\\b"
                    + "|\\b(what|who|where|which)('s| is| are)\\s+(the name of )?my\\b"
                    + "|\\b(what|which) [\\p{L}]+( [\\p{L}]+)? (do|did) i (like|love|enjoy|prefer)\\b", FLAGS);
    /** "Do I have any pets?", "How many siblings do I have?": only for what the user would have told us about. */
    private static final Pattern HAVE = Pattern.compile(
            "\\b(do|did) i (still )?have (any |a |an )?" + HAD_THINGS + "\\b"
                    + "|\\b(what|which|how many) " + HAD_THINGS + " (do|did) i have\\b", FLAGS);

    /** "What does Tom do?", "Where is Jake from?": the name is case-sensitive, the question words are not. */
    private static final Pattern ABOUT_SOMEONE = Pattern.compile(
            "\\b(?i:what (does|did)|where (does|did|is|was)|who (is|was)|who's|how old is) \\p{Lu}\\p{Ll}+\\b");

    public boolean isRecallQuestion(String message) {
        String text = normalised(message);
        if (MEMORY_VERB.matcher(text).find()) {
            return true;
        }
        return text.endsWith("?") && (ABOUT_ME.matcher(text).find() || HAVE.matcher(text).find());
    }

    /**
     * A question about someone by name, who may be one of the user's people or pets, or anyone at all ("Who is
     * Taylor Swift?"). Memory answers it only when it knows the name; otherwise the turn goes on as usual.
     */
    public boolean mayAskAboutSomeone(String message) {
        String text = normalised(message);
        return text.endsWith("?") && ABOUT_SOMEONE.matcher(text).find();
    }

    private static String normalised(String message) {
        return message.strip().replace('\u2019', '\'');
    }
}
