package dev.jumbo.chat.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a name the user states: anywhere through explicit phrasings ("call me Alex", "my name is José",
 * "I go by Sam", "Name's Bond"), and — right after Jumbo asked what to call them — as a bare answer
 * ("Harsha", "harsha please", "hmm, maybe Chris?", "I'm Zoë"). Ordinary words are never names: a stop-list of
 * feelings, answers, places and function words, plus structure rules (at most two words, letters only).
 */
public class NameDetector {

    private static final String NAME_WORD = "[\\p{L}][\\p{L}\\p{M}]*(?:['\u2019-][\\p{L}][\\p{L}\\p{M}]*)*";
    private static final Pattern EXPLICIT = Pattern.compile(
            "(?<!\\bnot )(?<!\\bdon't )(?<!\\bdo not )(?<!\\bnever )"
                    + "(?:\\bcall me|\\bcalls me|\\bmy name is|\\bmy name's|\\bname's|\\bi go by|\\bgo by"
                    + "|\\bi'm called|\\bi am called|\\bi'm known as|\\bknown as|\\bi prefer)"
                    + "\\s+(" + NAME_WORD + ")(?:\\s+(" + NAME_WORD + "))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,.!?;:\u2014\u2013()\"]+|\\s-\\s");
    private static final Pattern WORD = Pattern.compile("[^\\s]+");
    private static final Pattern NAME = Pattern.compile(NAME_WORD);
    private static final int MAX_LENGTH = 50;

    /** The stated name, formatted; empty when the message states none. */
    public Optional<String> detect(String message, boolean answeringNameQuestion) {
        String text = message.strip().replace('\u2019', '\'');
        Optional<String> explicit = explicit(text);
        if (explicit.isPresent() || !answeringNameQuestion) {
            return explicit;
        }
        return bareAnswer(text);
    }

    private Optional<String> explicit(String text) {
        Matcher matcher = EXPLICIT.matcher(text);
        while (matcher.find()) {
            String first = matcher.group(1);
            if (NameWords.NOT_A_NAME.contains(lower(first))) {
                continue;
            }
            List<String> parts = new ArrayList<>(List.of(first));
            String second = matcher.group(2);
            // a second word only when typed capitalised and not an ordinary word: "Mary Jane", not "Max from"
            if (second != null && Character.isUpperCase(second.codePointAt(0))
                    && !NameWords.NOT_A_NAME.contains(lower(second))) {
                parts.add(second);
            }
            return format(parts);
        }
        return Optional.empty();
    }

    private Optional<String> bareAnswer(String text) {
        for (String clause : CLAUSE_BREAK.split(text)) {
            List<String> words = new ArrayList<>();
            Matcher matcher = WORD.matcher(clause);
            while (matcher.find()) {
                words.add(matcher.group());
            }
            List<String> remaining = withoutFiller(words);
            if (remaining.isEmpty()) {
                continue;
            }
            if (remaining.size() > 2) {
                return Optional.empty();
            }
            for (String word : remaining) {
                if (!NAME.matcher(word).matches() || NameWords.NOT_A_NAME.contains(lower(word))) {
                    return Optional.empty();
                }
            }
            return format(remaining);
        }
        return Optional.empty();
    }

    private static List<String> withoutFiller(List<String> words) {
        List<String> remaining = new ArrayList<>();
        for (String word : words) {
            if (!NameWords.FILLER.contains(lower(word))) {
                remaining.add(word);
            }
        }
        return remaining;
    }

    private static Optional<String> format(List<String> parts) {
        String name = String.join(" ", parts.stream().map(NameDetector::capitalise).toList());
        return name.length() > MAX_LENGTH ? Optional.empty() : Optional.of(name);
    }

    /**
     * "harsha" → "Harsha", "mary-jane" → "Mary-Jane", "o'brien" → "O'Brien", "JOSÉ" → "José"; a name typed
     * with inner capitals ("McDonald", "DeShawn") is kept as typed.
     */
    static String capitalise(String word) {
        boolean allLower = word.equals(lower(word));
        boolean allUpper = word.equals(word.toUpperCase(Locale.ROOT));
        if (!allLower && !allUpper) {
            return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        }
        StringBuilder out = new StringBuilder(word.length());
        boolean startOfPart = true;
        String lowered = lower(word);
        for (int i = 0; i < lowered.length(); i++) {
            char c = lowered.charAt(i);
            boolean apostrophePrefix = c == '\'' && i <= 2; // O'Brien, D'Angelo — not "Ka'la" style inner marks
            out.append(startOfPart ? Character.toUpperCase(c) : c);
            startOfPart = c == '-' || apostrophePrefix;
        }
        return out.toString();
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
