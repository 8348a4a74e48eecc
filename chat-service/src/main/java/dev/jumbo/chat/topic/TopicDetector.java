package dev.jumbo.chat.topic;

import dev.jumbo.chat.mood.TextTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags a message with topics from the fixed list in API.md using word-boundary lexicons over lemmas
 * (plural and common verb endings stripped), including two-word phrases ("board games", "best friend").
 */
public class TopicDetector {

    public static final List<String> TOPICS = List.of("work", "family", "relationships", "friends", "health",
            "hobbies", "school", "money", "daily life");

    private static final Map<String, Set<String>> LEXICON = new LinkedHashMap<>();

    static {
        LEXICON.put("work", Set.of("work", "job", "boss", "manager", "office", "meeting", "deadline", "colleague",
                "coworker", "co-worker", "project", "shipped", "ship", "release", "interview", "promotion", "client",
                "shift", "career", "team", "workplace", "hired", "fired", "layoff", "laid off", "overtime", "standup",
                "presentation", "nurse", "barista", "startup", "company", "hospital", "employer", "resign", "quit my job",
                "performance review", "workload", "customer"));
        LEXICON.put("family", Set.of("mom", "mum", "mother", "dad", "father", "brother", "sister", "sibling", "parent",
                "family", "grandma", "grandpa", "grandmother", "grandfather", "son", "daughter", "kid", "child",
                "children", "aunt", "uncle", "cousin", "niece", "nephew", "baby", "in-law", "mommy", "daddy", "stepmom",
                "stepdad", "twin"));
        LEXICON.put("relationships", Set.of("boyfriend", "girlfriend", "partner", "husband", "wife", "dating", "date",
                "crush", "breakup", "broke up", "engaged", "marriage", "married", "wedding", "relationship", "ex",
                "fiance", "fiancé", "fiancee", "anniversary", "spouse", "divorce", "tinder", "romantic"));
        LEXICON.put("friends", Set.of("friend", "buddy", "bestie", "pal", "mate", "roommate", "best friend",
                "friendship", "hang out", "hung out", "squad"));
        LEXICON.put("health", Set.of("run", "running", "ran", "knee", "hurt", "pain", "doctor", "sick", "ill", "gym",
                "workout", "sleep", "headache", "injury", "injured", "therapy", "therapist", "fever", "medication",
                "medicine", "exercise", "diet", "flu", "cold", "cough", "back pain", "surgery", "dentist", "health",
                "healthy", "yoga", "jog", "jogging", "10k", "5k", "marathon", "insomnia", "migraine", "allergy",
                "weight", "calorie", "vegetarian", "vegan", "mental health", "covid", "symptom", "ache"));
        LEXICON.put("hobbies", Set.of("painting", "paint", "watercolor", "watercolour", "guitar", "piano", "game",
                "gaming", "board game", "reading", "book", "novel", "hiking", "hike", "cooking", "baking", "bake",
                "photography", "knitting", "music", "drawing", "draw", "movie", "film", "series", "garden", "gardening",
                "fishing", "chess", "sing", "singing", "dance", "dancing", "craft", "hobby", "play", "played", "puzzle",
                "climbing", "surfing", "camping", "concert", "anime", "podcast", "lego", "sketch", "pottery"));
        LEXICON.put("school", Set.of("exam", "professor", "class", "homework", "school", "university", "college",
                "teacher", "lecture", "grade", "semester", "study", "studying", "studied", "student", "course",
                "thesis", "assignment", "campus", "midterm", "final", "finals", "quiz", "tutor", "degree", "essay",
                "classmate", "uni", "dissertation", "scholarship"));
        LEXICON.put("money", Set.of("money", "paycheck", "rent", "saving", "save", "savings", "debt", "bill", "budget",
                "salary", "loan", "afford", "expensive", "cheap", "mortgage", "bank", "cash", "price", "spend",
                "spent", "broke", "pay", "paid", "tax", "invest", "investment", "credit card", "raise", "income",
                "cost"));
        LEXICON.put("daily life", Set.of("coffee", "morning", "weekend", "grocery", "groceries", "commute", "chore",
                "cleaning", "laundry", "dinner", "breakfast", "lunch", "cook", "shopping", "errand", "nap", "today",
                "tonight", "evening", "routine", "weather", "traffic", "apartment", "house", "home", "tea", "walk",
                "dog", "cat", "pet"));
    }

    /** Each lexicon term and the topics it signals, in {@link #TOPICS} order. */
    private static final Map<String, List<String>> TOPICS_BY_TERM = new HashMap<>();

    static {
        LEXICON.forEach((topic, terms) -> terms.forEach(term ->
                TOPICS_BY_TERM.computeIfAbsent(term, t -> new ArrayList<>()).add(topic)));
    }

    public List<String> detect(String text) {
        List<TextTokens.Token> tokens = TextTokens.of(text);
        List<String> words = new ArrayList<>(tokens.size());
        for (TextTokens.Token token : tokens) {
            words.add(token.word());
        }
        Set<String> found = new HashSet<>();
        for (String term : terms(words)) {
            List<String> topics = TOPICS_BY_TERM.get(term);
            if (topics != null) {
                found.addAll(topics);
            }
        }
        List<String> ordered = new ArrayList<>(found.size());
        for (String topic : TOPICS) {
            if (found.contains(topic)) {
                ordered.add(topic);
            }
        }
        // "daily life" is the background topic: keep it only when nothing more specific was said
        if (ordered.size() > 1) {
            ordered.remove("daily life");
        }
        return ordered;
    }

    /** Words, their lemmas, two-word phrases (also with the second word's lemma) and three-word phrases. */
    private static List<String> terms(List<String> words) {
        List<String> terms = new ArrayList<>(words.size() * 5);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            terms.add(word);
            terms.add(lemma(word));
            if (i + 1 < words.size()) {
                String next = words.get(i + 1);
                terms.add(word + " " + next);
                terms.add(word + " " + lemma(next));
                if (i + 2 < words.size()) {
                    terms.add(word + " " + next + " " + words.get(i + 2));
                }
            }
        }
        return terms;
    }

    /** A crude English lemma: possessive and plural endings off ("sister's" → sister, "exams" → exam). */
    static String lemma(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
