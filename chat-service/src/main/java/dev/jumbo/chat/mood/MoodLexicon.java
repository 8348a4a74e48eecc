package dev.jumbo.chat.mood;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everyday companion moods that GoEmotions (Reddit comments) barely covers — tired, lonely, stressed, bored,
 * calm, proud … — as word and phrase entries, read with negation and intensity.
 */
public final class MoodLexicon {

    /** An emotion found in the text: where it starts, its weight after intensity, and whether it was negated. */
    public record Hit(String emotion, double weight, double intensity, int position, boolean negated) {
    }

    private record Entry(String emotion, double weight) {
    }

    private static final int LONGEST_PHRASE = 3;
    private static final Map<String, Entry> ENTRIES = new HashMap<>();
    private static final Map<String, Double> INTENSIFIERS = Map.ofEntries(
            Map.entry("very", 1.5), Map.entry("so", 1.5), Map.entry("really", 1.4), Map.entry("extremely", 1.8),
            Map.entry("super", 1.5), Map.entry("incredibly", 1.7), Map.entry("totally", 1.4), Map.entry("completely", 1.5),
            Map.entry("absolutely", 1.6), Map.entry("too", 1.3), Map.entry("utterly", 1.7), Map.entry("insanely", 1.7),
            Map.entry("bit", 0.6), Map.entry("slightly", 0.6), Map.entry("somewhat", 0.6), Map.entry("kinda", 0.6),
            Map.entry("little", 0.6), Map.entry("mildly", 0.6));
    private static final Set<String> SOFTENING_PAIRS = Set.of("kind of", "sort of", "a bit", "a little");

    static {
        add("tired", 1.0, "tired", "sleepy", "drained", "fatigued", "knackered", "worn out", "wiped out", "long week",
                "long day", "no sleep", "barely slept");
        add("exhausted", 1.0, "exhausted", "exhausting", "burnt out", "burned out", "burnout", "dead tired");
        add("lonely", 1.0, "lonely", "loneliness", "lonesome", "isolated", "all alone", "by myself", "no one to talk");
        add("stressed", 1.0, "stressed", "stress", "stressful", "stressing", "under pressure", "pressure", "hectic",
                "crazy busy", "tense");
        add("overwhelmed", 1.0, "overwhelmed", "overwhelming", "swamped", "drowning", "too much");
        add("bored", 1.0, "bored", "boring", "boredom", "nothing to do", "dull");
        add("calm", 1.0, "calm", "calmer", "serene", "chill", "chilled", "at peace", "slow morning");
        add("peaceful", 1.0, "peaceful", "peace");
        add("relaxed", 1.0, "relaxed", "relaxing", "relax", "unwind", "unwinding", "lazy day");
        add("content", 0.9, "content", "cozy", "cosy", "comfy", "satisfied");
        add("anxious", 1.0, "anxious", "anxiety", "uneasy", "panic", "panicking", "panicked", "dread", "dreading",
                "on edge");
        add("worried", 1.0, "worried", "worry", "worrying", "worries", "concerned");
        add("nervous", 1.0, "nervous", "nerves", "shaking", "jittery", "butterflies", "shaky", "nerve wracking",
                "nerve racking");
        add("scared", 1.0, "scared", "afraid", "terrified", "frightened", "fear", "fearful", "scary");
        add("proud", 1.0, "proud", "accomplished", "nailed it", "pulled it off");
        add("proud", 0.6, "shipped", "promoted", "promotion", "passed", "achieved", "graduated", "finished");
        add("happy", 1.0, "happy", "glad", "delighted", "cheerful", "great day", "good day", "best day", "wonderful",
                "amazing", "awesome", "fantastic", "yay", "happier", "love it", "loved it", "fun");
        add("happy", 0.5, "great", "good", "nice", "fine");
        add("joyful", 1.0, "joy", "joyful", "overjoyed", "ecstatic");
        add("excited", 1.0, "excited", "exciting", "thrilled", "can't wait", "cant wait", "pumped", "stoked",
                "got engaged", "engaged", "looking forward");
        add("eager", 0.7, "really want", "want this", "eager", "dying to");
        add("grateful", 1.0, "grateful", "thankful", "thank", "thanks", "appreciate", "appreciated", "gratitude");
        add("hopeful", 1.0, "hopeful", "hope", "hoping", "looking up", "getting better", "optimistic", "bright side");
        add("relieved", 1.0, "relieved", "relief", "phew", "finally over", "it helped", "really helped");
        add("relieved", 0.4, "finally");
        add("confident", 1.0, "confident", "motivated", "ready for");
        add("sad", 1.0, "sad", "unhappy", "depressed", "miserable", "crying", "cried", "cry", "upset", "down",
                "gloomy", "tears", "sadness", "feeling down", "feel down", "felt down", "moved away", "miss", "missing", "lost my");
        add("grieving", 1.0, "passed away", "grieving", "grief", "funeral", "mourning");
        add("heartbroken", 1.0, "heartbroken", "broke up", "breakup", "heartbreak", "devastated");
        add("angry", 1.0, "angry", "mad", "pissed", "rage", "hate", "outraged");
        add("furious", 1.0, "furious", "livid", "fuming", "seething");
        add("frustrated", 1.0, "frustrated", "frustrating", "fed up", "sick of", "took credit", "annoying", "irritated",
                "annoyed", "ugh");
        add("disappointed", 1.0, "disappointed", "disappointing", "let down", "letdown", "bummed", "cancelled",
                "canceled", "gutted");
        add("embarrassed", 1.0, "embarrassed", "ashamed", "humiliated", "awkward", "froze");
        add("guilty", 1.0, "guilty", "regret", "my fault");
        add("jealous", 1.0, "jealous", "envious");
        add("confused", 1.0, "confused", "confusing", "don't understand", "no idea why");
        add("loving", 1.0, "in love", "adore", "love you", "love him", "love her");
    }

    private MoodLexicon() {
    }

    private static void add(String emotion, double weight, String... phrases) {
        for (String phrase : phrases) {
            ENTRIES.put(phrase, new Entry(emotion, weight));
        }
    }

    public static List<Hit> find(List<TextTokens.Token> tokens) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int length = Math.min(LONGEST_PHRASE, tokens.size() - i); length >= 1 && matched == 0; length--) {
                Entry entry = ENTRIES.get(join(tokens, i, length));
                if (entry != null) {
                    double intensity = intensity(tokens, i);
                    hits.add(new Hit(entry.emotion(), entry.weight() * intensity, intensity, i, tokens.get(i).negated()));
                    matched = length;
                }
            }
            i += Math.max(matched, 1);
        }
        return hits;
    }

    private static double intensity(List<TextTokens.Token> tokens, int position) {
        double factor = 1.0;
        for (int back = 1; back <= 2 && position - back >= 0; back++) {
            String word = tokens.get(position - back).word();
            if (back == 1 && position >= 2 && SOFTENING_PAIRS.contains(tokens.get(position - 2).word() + " " + word)) {
                return 0.6;
            }
            Double modifier = INTENSIFIERS.get(word);
            if (modifier != null) {
                factor = modifier;
                break;
            }
        }
        return factor;
    }

    private static String join(List<TextTokens.Token> tokens, int from, int length) {
        if (length == 1) {
            return tokens.get(from).word();
        }
        StringBuilder phrase = new StringBuilder(tokens.get(from).word());
        for (int k = 1; k < length; k++) {
            phrase.append(' ').append(tokens.get(from + k).word());
        }
        return phrase.toString();
    }
}
