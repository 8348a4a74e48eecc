package dev.jumbo.chat.mood.training;

import dev.jumbo.chat.mood.GoEmotions;
import dev.jumbo.chat.mood.MoodModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the GoEmotions splits in {@code ../shared/data/goemotions} and scores a model on the sentiment grouping. */
public final class GoEmotionsData {

    /** One comment and its label indices. */
    public record Example(String text, int[] labels) {

        /** The gold sentiment group: the group of the first label raters gave. */
        int sentiment() {
            return GoEmotions.LABELS.get(labels[0]).sentiment().ordinal();
        }
    }

    private GoEmotionsData() {
    }

    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("goemotions");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("data").resolve("goemotions");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/data/goemotions not found above " + Path.of("").toAbsolutePath());
    }

    public static List<Example> read(String split) {
        try {
            return Files.readAllLines(directory().resolve(split + ".tsv")).stream()
                    .map(line -> line.split("\t"))
                    .filter(parts -> parts.length >= 2)
                    .map(parts -> new Example(parts[0],
                            Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Macro-F1 over the four sentiment groups: the predicted group is the one with the most probability mass
     * (sum of its labels' probabilities), the gold group that of the first rater label.
     */
    public static double sentimentMacroF1(MoodModel model, List<Example> examples) {
        int groups = GoEmotions.Sentiment.values().length;
        int[] truePositive = new int[groups];
        int[] predicted = new int[groups];
        int[] actual = new int[groups];
        for (Example example : examples) {
            double[] mass = GoEmotions.sentimentOf(model.predict(example.text()));
            int guess = 0;
            for (int g = 1; g < groups; g++) {
                if (mass[g] > mass[guess]) {
                    guess = g;
                }
            }
            int gold = example.sentiment();
            predicted[guess]++;
            actual[gold]++;
            if (guess == gold) {
                truePositive[gold]++;
            }
        }
        double sum = 0;
        for (int g = 0; g < groups; g++) {
            double precision = predicted[g] == 0 ? 0 : (double) truePositive[g] / predicted[g];
            double recall = actual[g] == 0 ? 0 : (double) truePositive[g] / actual[g];
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / groups;
    }
}
