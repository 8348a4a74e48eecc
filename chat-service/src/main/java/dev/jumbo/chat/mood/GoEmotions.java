package dev.jumbo.chat.mood;

import java.util.List;

/**
 * The 28 GoEmotions labels in the dataset's index order, the everyday emotion word each maps to, and the
 * sentiment group the dataset's authors assign it (positive / negative / ambiguous / neutral).
 */
public final class GoEmotions {

    public enum Sentiment { POSITIVE, NEGATIVE, AMBIGUOUS, NEUTRAL }

    public record Label(String name, String emotion, Sentiment sentiment) {
    }

    public static final List<Label> LABELS = List.of(
            new Label("admiration", "admiring", Sentiment.POSITIVE),
            new Label("amusement", "amused", Sentiment.POSITIVE),
            new Label("anger", "angry", Sentiment.NEGATIVE),
            new Label("annoyance", "annoyed", Sentiment.NEGATIVE),
            new Label("approval", "approving", Sentiment.POSITIVE),
            new Label("caring", "caring", Sentiment.POSITIVE),
            new Label("confusion", "confused", Sentiment.AMBIGUOUS),
            new Label("curiosity", "curious", Sentiment.AMBIGUOUS),
            new Label("desire", "eager", Sentiment.POSITIVE),
            new Label("disappointment", "disappointed", Sentiment.NEGATIVE),
            new Label("disapproval", "disapproving", Sentiment.NEGATIVE),
            new Label("disgust", "disgusted", Sentiment.NEGATIVE),
            new Label("embarrassment", "embarrassed", Sentiment.NEGATIVE),
            new Label("excitement", "excited", Sentiment.POSITIVE),
            new Label("fear", "scared", Sentiment.NEGATIVE),
            new Label("gratitude", "grateful", Sentiment.POSITIVE),
            new Label("grief", "grieving", Sentiment.NEGATIVE),
            new Label("joy", "happy", Sentiment.POSITIVE),
            new Label("love", "loving", Sentiment.POSITIVE),
            new Label("nervousness", "nervous", Sentiment.NEGATIVE),
            new Label("optimism", "hopeful", Sentiment.POSITIVE),
            new Label("pride", "proud", Sentiment.POSITIVE),
            new Label("realization", "surprised", Sentiment.AMBIGUOUS),
            new Label("relief", "relieved", Sentiment.POSITIVE),
            new Label("remorse", "sorry", Sentiment.NEGATIVE),
            new Label("sadness", "sad", Sentiment.NEGATIVE),
            new Label("surprise", "surprised", Sentiment.AMBIGUOUS),
            new Label("neutral", null, Sentiment.NEUTRAL));

    public static final int NEUTRAL = 27;

    private GoEmotions() {
    }

    /** Probability mass per sentiment group, indexed by {@link Sentiment#ordinal()}. */
    public static double[] sentimentOf(float[] probabilities) {
        double[] groups = new double[Sentiment.values().length];
        for (int i = 0; i < probabilities.length; i++) {
            groups[LABELS.get(i).sentiment().ordinal()] += probabilities[i];
        }
        return groups;
    }
}
