package dev.jumbo.chat.engine;

import dev.jumbo.chat.mood.EmotionWords;
import dev.jumbo.chat.recall.RecallOutcome;
import dev.jumbo.chat.recall.RecalledMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the builtin reply from the summary: mirror the feeling (both halves of a mixed one), then one
 * follow-up question that fits the topic; the name now and then; recalled memories when asked.
 */
class ReplyComposer {

    private static final Pattern YES_NO = Pattern.compile("^\\s*(do|did|can|could|would) you\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_VERB = Pattern.compile("^(?:the )?user\\s+([\\p{L}]+)\\b(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    ConversationEngine.Reply compose(ConversationEngine.ReplyRequest request) {
        SentencePicker picker = new SentencePicker(request.messageId(), request.usedSentences());
        List<String> sentences = new ArrayList<>();
        if (request.recall().isPresent()) {
            recallAnswer(request, picker).ifPresent(sentences::add);
        } else if (request.nameJustStated()) {
            nameAcknowledgement(request, picker, sentences);
        } else {
            acknowledgement(request.summary(), picker).ifPresent(sentences::add);
            boolean useName = request.name() != null && picker.draw(3) == 0;
            question(request.summary(), useName ? request.name() : null, picker).ifPresent(sentences::add);
        }
        if (sentences.isEmpty()) {
            // every phrasing was used already: echo a detail of the message, which is new by construction
            String echo = lastResort(request.text());
            sentences.add(echo);
        }
        return new ConversationEngine.Reply(String.join(" ", sentences), picker.chosen());
    }

    private void nameAcknowledgement(ConversationEngine.ReplyRequest request, SentencePicker picker, List<String> sentences) {
        Summary summary = request.summary();
        boolean saidMore = !summary.mood().emotions().isEmpty() || !summary.topics().isEmpty();
        String name = request.name();
        List<String> greetings = (saidMore ? Phrasings.NAME_CHANGES : Phrasings.NAME_GREETINGS).stream()
                .map(p -> p.formatted(name)).toList();
        List<String> fallbackGreetings = (saidMore ? Phrasings.NAME_GREETINGS : Phrasings.NAME_CHANGES).stream()
                .map(p -> p.formatted(name)).toList();
        picker.pickFirstAvailable(List.of(greetings, fallbackGreetings)).ifPresent(sentences::add);
        if (saidMore) {
            question(summary, null, picker).ifPresent(sentences::add);
        } else {
            picker.pickFirstAvailable(List.of(Phrasings.FIRST_QUESTIONS, Phrasings.GENERIC_QUESTIONS)).ifPresent(sentences::add);
        }
    }

    private Optional<String> acknowledgement(Summary summary, SentencePicker picker) {
        Mood mood = summary.mood();
        List<String> emotions = mood.emotions();
        if (emotions.isEmpty()) {
            return picker.pick(Phrasings.NEUTRAL);
        }
        if (mood.label().contains(" but ")) {
            String[] halves = mood.label().split(" but ", 2);
            String first = situation(halves[0]);
            String second = situation(halves[1]);
            return picker.pick(Phrasings.MIXED.stream().map(p -> p.formatted(first, second)).toList());
        }
        String top = emotions.get(0);
        List<String> specific = Phrasings.FEELING_ACKNOWLEDGEMENTS.getOrDefault(top, List.of());
        List<String> general = (mood.valence() < 0 || EmotionWords.isNegative(top) ? Phrasings.NEGATIVE : Phrasings.POSITIVE)
                .stream().map(p -> p.formatted(situation(top))).toList();
        return picker.draw(2) == 0 ? picker.pickFirstAvailable(List.of(specific, general))
                : picker.pickFirstAvailable(List.of(general, specific));
    }

    private Optional<String> question(Summary summary, String name, SentencePicker picker) {
        Mood mood = summary.mood();
        boolean mixed = mood.label().contains(" but ");
        boolean negative = !mixed && mood.valence() < -0.1;
        List<List<String>> pools = new ArrayList<>();
        List<String> feeling = mood.emotions().stream()
                .flatMap(e -> Phrasings.FEELING_QUESTIONS.getOrDefault(e, List.of()).stream()).toList();
        List<String> topical = summary.topics().stream()
                .flatMap(t -> (negative ? Phrasings.NEGATIVE_QUESTIONS : Phrasings.POSITIVE_QUESTIONS)
                        .getOrDefault(t, List.of()).stream()).toList();
        if (negative) {
            pools.add(feeling);
            pools.add(topical);
        } else {
            pools.add(topical);
            pools.add(feeling);
        }
        pools.add(Phrasings.GENERIC_QUESTIONS);
        List<List<String>> named = name == null ? pools
                : pools.stream().map(pool -> pool.stream().map(q -> withName(q, name)).toList()).toList();
        return picker.pickFirstAvailable(named);
    }

    private Optional<String> recallAnswer(ConversationEngine.ReplyRequest request, SentencePicker picker) {
        RecallOutcome outcome = request.recall().orElseThrow();
        if (outcome instanceof RecallOutcome.Found found) {
            RecalledMemory best = found.memories().get(0);
            List<String> answers = new ArrayList<>();
            boolean yesNo = YES_NO.matcher(request.text()).find();
            String values = joinAnd(best.values());
            String statement = best.text() == null ? null : secondPerson(best.text());
            if (yesNo && !values.isEmpty()) {
                answers.addAll(List.of("Yes, " + values + "!", "I do—" + values + "!", "Of course: " + values + "!"));
            }
            if (statement != null) {
                answers.addAll(List.of((yesNo ? "Yes! " : "") + statement + ".", "If I remember right, "
                        + lowerFirst(statement) + ".", "You told me " + lowerFirst(statement) + "."));
            }
            if (!values.isEmpty()) {
                answers.add(values + ", if I remember right.");
            }
            return picker.pick(answers.subList(0, 1)).or(() -> picker.pick(answers));
        }
        if (outcome instanceof RecallOutcome.NothingKnown) {
            return picker.pick(Phrasings.RECALL_EMPTY);
        }
        return picker.pick(Phrasings.RECALL_UNAVAILABLE);
    }

    /** "User's sister lives in Paris" → "Your sister lives in Paris"; "User works as a nurse" → "You work as a nurse". */
    static String secondPerson(String memoryText) {
        String text = memoryText.strip().replaceAll("[.!]+$", "");
        text = text.replaceAll("(?i)^(the )?user's\\b", "Your").replaceAll("(?i)\\b(the )?user's\\b", "your");
        Matcher verb = USER_VERB.matcher(text);
        if (verb.matches()) {
            text = "You " + conjugate(verb.group(1).toLowerCase(Locale.ROOT)) + verb.group(2);
        }
        return text.replaceAll("(?i)\\bthe user\\b|\\buser\\b", "you");
    }

    private static String conjugate(String verb) {
        return switch (verb) {
            case "is" -> "are";
            case "was" -> "were";
            case "has" -> "have";
            case "does" -> "do";
            case "goes" -> "go";
            default -> {
                if (verb.endsWith("ies") && verb.length() > 4) {
                    yield verb.substring(0, verb.length() - 3) + "y";
                }
                if (verb.endsWith("ches") || verb.endsWith("shes") || verb.endsWith("sses") || verb.endsWith("xes")) {
                    yield verb.substring(0, verb.length() - 2);
                }
                yield verb.endsWith("s") && !verb.endsWith("ss") ? verb.substring(0, verb.length() - 1) : verb;
            }
        };
    }

    static String joinAnd(List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " and " + values.get(values.size() - 1);
    }

    private static String withName(String question, String name) {
        return question.endsWith("?") ? question.substring(0, question.length() - 1) + ", " + name + "?" : question;
    }

    private static String situation(String emotion) {
        return Phrasings.SITUATION.getOrDefault(emotion, "big");
    }

    private static String lowerFirst(String text) {
        return text.startsWith("You ") || text.startsWith("Your ")
                ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static String lastResort(String text) {
        String words = String.join(" ", List.of(text.strip().split("\\s+")).subList(0,
                Math.min(6, text.strip().split("\\s+").length)));
        return "You said \"" + words + "\"—tell me more about that?";
    }
}
