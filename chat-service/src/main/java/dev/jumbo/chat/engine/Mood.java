package dev.jumbo.chat.engine;

import java.util.List;

/** How the user seems to feel: a label ("tired but proud"), valence in [-1, 1], and 1–3 emotion words. */
public record Mood(String label, double valence, List<String> emotions) {

    public Mood {
        emotions = List.copyOf(emotions);
    }

    public static Mood neutral(double valence) {
        return new Mood("neutral", valence, List.of());
    }
}
