package dev.jumbo.chat.mood;

import dev.jumbo.chat.engine.Mood;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the mood of a message from two layers: the GoEmotions logistic-regression model (28 emotions, good at
 * general sentiment) and the everyday-mood lexicon (tired, lonely, stressed, calm …, with negation and intensity).
 * Their emotion scores are merged; the strongest one to three become {@code emotions}, valence is their
 * score-weighted mean, and a positive next to a negative emotion makes a composite label ("tired but proud").
 */
public class MoodAnalyzer {

    static final int MAX_EMOTIONS = 3;
    /** Model probability an emotion needs before it counts (GoEmotions labels are sparse). */
    static final double MODEL_THRESHOLD = 0.22;
    static final double MIN_SCORE = 0.3;
    private static final Map<String, Double> MODEL_LABEL_WEIGHT = Map.of(
            "approving", 0.5, "admiring", 0.7, "surprised", 0.7, "curious", 0.6, "caring", 0.7, "disapproving", 0.6);

    /**
     * A question, or a message that names someone or something ("my dog's name is …", "she's called …"), carries
     * no feeling unless a feeling word says so: the model alone must then be very sure. It learned remorse from
     * the many sad pet stories in GoEmotions and reads "My dog's name is Biscuit." as sorry.
     */
    private static final Pattern QUESTION_OR_NAMING = Pattern.compile(
            "\\?\\s*$|\\b(name|names|named|called)\\b", Pattern.CASE_INSENSITIVE);
    static final double PLAIN_MESSAGE_MODEL_THRESHOLD = 0.75;

    private static final Pattern NO_LONGER = Pattern.compile("\\b(anymore|no longer|any more)\\b",
            Pattern.CASE_INSENSITIVE);

    private final MoodModel model;

    public MoodAnalyzer(MoodModel model) {
        this.model = model;
    }

    private record Scored(String emotion, double score, int position) {
    }

    public Mood analyze(String text) {
        List<TextTokens.Token> tokens = TextTokens.of(text);
        float[] probabilities = model.predict(tokens);
        Map<String, Scored> scores = new LinkedHashMap<>();
        Map<String, Boolean> negatedEmotions = new HashMap<>();
        double negationValence = 0;
        double intensitySum = 0;
        int felt = 0;
        boolean noLonger = NO_LONGER.matcher(text).find();
        for (MoodLexicon.Hit hit : MoodLexicon.find(tokens)) {
            intensitySum += hit.intensity();
            felt++;
            if (hit.negated()) {
                negatedEmotions.put(hit.emotion(), true);
                double flipped = -EmotionWords.valence(hit.emotion()) * 0.5;
                negationValence += flipped;
                if (EmotionWords.isPositive(hit.emotion())) {
                    // "not happy with how it went" reads as disappointment
                    merge(scores, new Scored("disappointed", hit.weight() * 0.8, hit.position()));
                } else if (noLonger) {
                    // "not worried anymore": the feeling has passed
                    merge(scores, new Scored("relieved", hit.weight() * 0.8, hit.position()));
                }
                continue;
            }
            merge(scores, new Scored(hit.emotion(), hit.weight(), hit.position()));
        }
        boolean plainMessage = felt == 0 && QUESTION_OR_NAMING.matcher(text).find();
        double modelThreshold = plainMessage ? PLAIN_MESSAGE_MODEL_THRESHOLD : MODEL_THRESHOLD;
        for (int label = 0; label < probabilities.length; label++) {
            String emotion = GoEmotions.LABELS.get(label).emotion();
            if (emotion == null || probabilities[label] < modelThreshold || negatedEmotions.containsKey(emotion)) {
                continue;
            }
            double score = probabilities[label] * MODEL_LABEL_WEIGHT.getOrDefault(emotion, 1.0);
            merge(scores, new Scored(emotion, score, Integer.MAX_VALUE));
        }
        List<Scored> chosen = scores.values().stream()
                .filter(s -> s.score() >= MIN_SCORE)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(MAX_EMOTIONS)
                .sorted(Comparator.comparingInt(Scored::position))
                .toList();
        if (chosen.isEmpty()) {
            double[] sentiment = GoEmotions.sentimentOf(probabilities);
            double valence = (plainMessage ? 0.1 : 0.5) * (sentiment[GoEmotions.Sentiment.POSITIVE.ordinal()]
                    - sentiment[GoEmotions.Sentiment.NEGATIVE.ordinal()]) + negationValence;
            return Mood.neutral(round(clamp(valence)));
        }
        double weighted = 0;
        double total = 0;
        for (Scored s : chosen) {
            weighted += EmotionWords.valence(s.emotion()) * s.score();
            total += s.score();
        }
        // how strongly it is felt: the intensity words around lexicon feelings, else the model's confidence
        double strength = felt > 0 ? Math.min(1.0, 0.5 + 0.35 * intensitySum / felt) : 0.5 + 0.5 * maxProbability(probabilities);
        double valence = clamp(weighted / total * strength + negationValence * 0.3);
        List<String> emotions = chosen.stream().map(Scored::emotion).toList();
        return new Mood(label(chosen), round(valence), emotions);
    }

    private static double maxProbability(float[] probabilities) {
        double max = 0;
        for (int label = 0; label < probabilities.length; label++) {
            if (label != GoEmotions.NEUTRAL) {
                max = Math.max(max, probabilities[label]);
            }
        }
        return max;
    }

    private static String label(List<Scored> chosen) {
        Scored first = chosen.get(0);
        for (Scored other : chosen) {
            boolean opposite = EmotionWords.isPositive(first.emotion()) && EmotionWords.isNegative(other.emotion())
                    || EmotionWords.isNegative(first.emotion()) && EmotionWords.isPositive(other.emotion());
            if (opposite) {
                return first.emotion() + " but " + other.emotion();
            }
        }
        return first.emotion();
    }

    private static void merge(Map<String, Scored> scores, Scored next) {
        scores.merge(next.emotion(), next, (a, b) -> new Scored(a.emotion(), Math.min(2.0, a.score() + b.score()),
                Math.min(a.position(), b.position())));
    }

    private static double clamp(double value) {
        return Math.max(-1, Math.min(1, value));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
