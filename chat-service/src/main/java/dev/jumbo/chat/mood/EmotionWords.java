package dev.jumbo.chat.mood;

import java.util.Map;

/** The valence of every emotion word the mood layer can produce, in [-1, 1]. */
public final class EmotionWords {

    private static final Map<String, Double> VALENCE = Map.ofEntries(
            Map.entry("happy", 0.8), Map.entry("joyful", 0.85), Map.entry("excited", 0.7), Map.entry("proud", 0.7),
            Map.entry("grateful", 0.7), Map.entry("relieved", 0.5), Map.entry("hopeful", 0.5),
            Map.entry("optimistic", 0.5), Map.entry("calm", 0.4), Map.entry("relaxed", 0.45),
            Map.entry("content", 0.5), Map.entry("peaceful", 0.45), Map.entry("loving", 0.7), Map.entry("amused", 0.6),
            Map.entry("admiring", 0.5), Map.entry("approving", 0.3), Map.entry("caring", 0.4), Map.entry("eager", 0.4),
            Map.entry("confident", 0.5), Map.entry("motivated", 0.5), Map.entry("thrilled", 0.85),
            Map.entry("sad", -0.7), Map.entry("angry", -0.75), Map.entry("furious", -0.9), Map.entry("frustrated", -0.6),
            Map.entry("annoyed", -0.45), Map.entry("disappointed", -0.6), Map.entry("disapproving", -0.3),
            Map.entry("disgusted", -0.7), Map.entry("embarrassed", -0.5), Map.entry("scared", -0.6),
            Map.entry("grieving", -0.85), Map.entry("nervous", -0.35), Map.entry("anxious", -0.5),
            Map.entry("sorry", -0.4), Map.entry("tired", -0.35), Map.entry("exhausted", -0.5),
            Map.entry("lonely", -0.65), Map.entry("stressed", -0.55), Map.entry("overwhelmed", -0.6),
            Map.entry("bored", -0.35), Map.entry("heartbroken", -0.85), Map.entry("worried", -0.5),
            Map.entry("jealous", -0.5), Map.entry("guilty", -0.5), Map.entry("hurt", -0.6),
            Map.entry("confused", -0.2), Map.entry("surprised", 0.0), Map.entry("curious", 0.1));

    private EmotionWords() {
    }

    public static double valence(String emotion) {
        return VALENCE.getOrDefault(emotion, 0.0);
    }

    public static boolean isPositive(String emotion) {
        return valence(emotion) > 0.05;
    }

    public static boolean isNegative(String emotion) {
        return valence(emotion) < -0.05;
    }
}
