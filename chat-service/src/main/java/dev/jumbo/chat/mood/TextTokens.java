package dev.jumbo.chat.mood;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into lower-case word tokens and marks the ones in the scope of a negation
 * ("not happy" → {@code happy} negated), which the mood model and the lexicon both read.
 * The scope ends after three words or at punctuation, as in the classic sentiment-analysis recipe.
 */
public final class TextTokens {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*|[.!?,;:]");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "cannot", "nothing", "without",
            "hardly", "neither", "nor", "nobody", "none", "barely");
    /** "can't stop crying", "can't wait", "can't believe": the negator does not negate what follows. */
    private static final Set<String> NEGATION_BREAKERS = Set.of("stop", "help", "wait", "believe", "anymore");
    private static final int SCOPE = 3;

    private TextTokens() {
    }

    /** One word of the message; {@code negated} when it sits in a negation's scope. */
    public record Token(String word, boolean negated) {

        public String feature() {
            return negated ? "not_" + word : word;
        }
    }

    public static List<Token> of(String text) {
        String normalized = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        Matcher matcher = TOKEN.matcher(normalized);
        List<Token> tokens = new ArrayList<>();
        int scope = 0;
        while (matcher.find()) {
            String word = matcher.group();
            if (word.length() == 1 && ".!?,;:".contains(word)) {
                scope = 0;
                continue;
            }
            if (isNegator(word)) {
                tokens.add(new Token(word, false));
                scope = SCOPE;
                continue;
            }
            if (scope > 0 && NEGATION_BREAKERS.contains(word)) {
                scope = 0;
                tokens.add(new Token(word, false));
                continue;
            }
            tokens.add(new Token(word, scope > 0));
            if (scope > 0) {
                scope--;
            }
        }
        return tokens;
    }

    static boolean isNegator(String word) {
        return NEGATORS.contains(word) || word.endsWith("n't") || word.equals("dont") || word.equals("cant")
                || word.equals("didnt") || word.equals("isnt") || word.equals("wasnt") || word.equals("wont");
    }
}
