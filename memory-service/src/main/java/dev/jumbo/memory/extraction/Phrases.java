package dev.jumbo.memory.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the value that follows a trigger phrase: a capitalised name, a short lowercase phrase, a list, names. */
final class Phrases {

    /** Stands in for the dot of "St." and friends while sentences are split. */
    static final char ABBREVIATION_DOT = '\u2024';

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\d][\\p{L}\\p{M}\\d'\u2024&-]*|[,;:!?.()\"]");
    private static final Pattern CLAUSE_END = Pattern.compile("[;:!?.()\"]");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+&\\s+|\\s+or\\s+|\\s+as well as\\s+");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?i:the|a|an|some|my)\\s+");
    private static final int MAX_WORDS = 6;

    private Phrases() {
    }

    /** A single value at the start of {@code rest}, or null. */
    static String value(String rest) {
        String text = cutAtClauseEnd(rest);
        int comma = text.indexOf(',');
        if (comma >= 0) {
            text = text.substring(0, comma);
        }
        return phrase(text);
    }

    /** A list of values ("peanuts, shellfish and eggs"), each cut at its first stop word. */
    static List<String> list(String rest) {
        String text = cutAtClauseEnd(rest);
        List<String> values = new ArrayList<>();
        for (String part : LIST_SEPARATOR.split(text)) {
            String trimmed = part.trim();
            String first = trimmed.isEmpty() ? "" : trimmed.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (first.equals("i") || first.startsWith("i'") || first.equals("we") || first.equals("it")) {
                break;
            }
            String value = phrase(trimmed);
            if (value == null) {
                break;
            }
            values.add(value);
            String withoutArticle = LEADING_ARTICLE.matcher(trimmed).replaceFirst("");
            if (wordCount(withoutArticle) > wordCount(value)) {
                break; // the item was cut short by a stop word: the list does not go on past it
            }
        }
        return values;
    }

    /**
     * Names at the start of {@code rest} ("Charvik and Devansh", "Mochi, Pixel and Tofu"): capitalised words,
     * at most two per name. Returns the names and where they end.
     */
    static Names names(String rest) {
        Matcher tokens = TOKEN.matcher(rest);
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int end = 0;
        boolean expectName = true;
        while (tokens.find()) {
            String token = tokens.group();
            if (expectName) {
                if (isName(token)) {
                    current.append(token);
                    end = tokens.end();
                    expectName = false;
                    continue;
                }
                if (!names.isEmpty() && token.equalsIgnoreCase("and")) {
                    continue; // ", and"
                }
                break;
            }
            if (isName(token) && current.indexOf(" ") < 0 && !token.endsWith("'s")) {
                current.append(' ').append(token);
                end = tokens.end();
                continue;
            }
            names.add(restore(current.toString()));
            current.setLength(0);
            if (token.equals(",") || token.equalsIgnoreCase("and") || token.equals("&")) {
                expectName = true;
                continue;
            }
            break;
        }
        if (current.length() > 0) {
            names.add(restore(current.toString()));
        }
        return new Names(names.stream().map(Phrases::withoutPossessive).toList(), end);
    }

    record Names(List<String> values, int end) {

        boolean isEmpty() {
            return values.isEmpty();
        }
    }

    private static boolean isName(String token) {
        return Character.isUpperCase(token.charAt(0)) && token.length() > 1 && !Lexicon.NOT_NAMES.contains(token)
                || token.length() == 1 && Character.isUpperCase(token.charAt(0)) && !token.equals("I");
    }

    private static String withoutPossessive(String name) {
        return name.endsWith("'s") ? name.substring(0, name.length() - 2) : name;
    }

    /** The phrase at the start of {@code text}: a capitalised name or up to six lowercase words before a stop word. */
    static String phrase(String text) {
        String trimmed = LEADING_ARTICLE.matcher(text.trim()).replaceFirst("");
        Matcher tokens = TOKEN.matcher(trimmed);
        List<String> words = new ArrayList<>();
        boolean capitalised = false;
        while (tokens.find()) {
            String token = tokens.group();
            if (!Character.isLetterOrDigit(token.charAt(0))) {
                break;
            }
            String lower = token.toLowerCase(Locale.ROOT);
            if (words.isEmpty()) {
                if (Lexicon.STOP_WORDS.contains(lower) || Lexicon.PRONOUN_OBJECTS.contains(lower)) {
                    return null;
                }
                capitalised = Character.isUpperCase(token.charAt(0));
                words.add(token);
                continue;
            }
            if (capitalised) {
                boolean connector = (lower.equals("of") || lower.equals("de") || lower.equals("la") || lower.equals("the")
                        || lower.equals("and") || lower.equals("&") || lower.equals("von") || lower.equals("van"))
                        && nextIsCapitalised(trimmed, tokens.end());
                if (Character.isUpperCase(token.charAt(0)) && !Lexicon.NOT_NAMES.contains(token) || connector
                        || Lexicon.INSTITUTION_WORDS.contains(lower) || Character.isDigit(token.charAt(0))) {
                    words.add(token);
                    continue;
                }
                break;
            }
            if (Lexicon.STOP_WORDS.contains(lower) || words.size() >= MAX_WORDS) {
                break;
            }
            words.add(token);
        }
        if (words.isEmpty()) {
            return null;
        }
        return restore(String.join(" ", words));
    }

    private static boolean nextIsCapitalised(String text, int from) {
        Matcher next = TOKEN.matcher(text);
        return next.find(from) && Character.isUpperCase(next.group().charAt(0));
    }

    static String cutAtClauseEnd(String rest) {
        Matcher end = CLAUSE_END.matcher(rest);
        return end.find() ? rest.substring(0, end.start()) : rest;
    }

    static String restore(String value) {
        return value.replace(ABBREVIATION_DOT, '.').trim();
    }

    /** "berlin" → "Berlin", "new york" → "New York"; capitalised input is kept. */
    static String capitalisePlace(String value) {
        if (value == null || !value.equals(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (String word : value.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    private static int wordCount(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
