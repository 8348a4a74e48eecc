package dev.jumbo.chat.mood.training;

import dev.jumbo.chat.mood.GoEmotions;
import dev.jumbo.chat.mood.HashedFeatures;
import dev.jumbo.chat.mood.MoodModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains the built-in mood model: multinomial logistic regression (softmax, AdaGrad, L2) over hashed word
 * unigrams and bigrams with negation marks, on GoEmotions {@code train.tsv}; multi-label comments spread their
 * target evenly over their labels. Deterministic (fixed seed). Prints the sentiment macro-F1 on
 * {@code dev.tsv} and writes the quantised weights to {@code src/main/resources/mood/}.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -B -o -pl chat-service test-compile} then
 * {@code java -cp chat-service/target/classes:chat-service/target/test-classes dev.jumbo.chat.mood.training.MoodModelTrainer}
 */
public final class MoodModelTrainer {

    static final int BUCKETS = 1 << 16;
    static final int EPOCHS = Integer.getInteger("epochs", 6);
    static final float LEARNING_RATE = Float.parseFloat(System.getProperty("lr", "0.5"));
    static final float L2 = Float.parseFloat(System.getProperty("l2", "1e-6"));
    static final long SEED = 20261126L;

    private MoodModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path output = args.length > 0 ? Path.of(args[0]) : moduleDirectory().resolve("src/main/resources" + MoodModel.RESOURCE);
        List<GoEmotionsData.Example> train = GoEmotionsData.read("train");
        List<GoEmotionsData.Example> dev = GoEmotionsData.read("dev");
        long started = System.nanoTime();
        MoodModel model = train(train);
        System.out.printf("trained on %d comments in %.1f s%n", train.size(), (System.nanoTime() - started) / 1e9);
        System.out.printf("dev sentiment macro-F1 (positive/negative/ambiguous/neutral): %.4f%n",
                GoEmotionsData.sentimentMacroF1(model, dev));
        Files.createDirectories(output.getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            model.write(out);
        }
        System.out.printf("wrote %s (%d bytes)%n", output, Files.size(output));
    }

    static MoodModel train(List<GoEmotionsData.Example> examples) {
        int classes = GoEmotions.LABELS.size();
        int[][] features = new int[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            features[i] = HashedFeatures.of(examples.get(i).text(), BUCKETS);
        }
        float[] weights = new float[BUCKETS * classes];
        float[] squaredGradients = new float[BUCKETS * classes];
        float[] bias = new float[classes];
        float[] biasSquaredGradients = new float[classes];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        float[] scores = new float[classes];
        float[] gradient = new float[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int index : order) {
                int[] x = features[index];
                float value = (float) (1.0 / Math.sqrt(x.length));
                float max = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    float s = bias[c];
                    for (int f : x) {
                        s += weights[f * classes + c] * value;
                    }
                    scores[c] = s;
                    max = Math.max(max, s);
                }
                float sum = 0;
                for (int c = 0; c < classes; c++) {
                    scores[c] = (float) Math.exp(scores[c] - max);
                    sum += scores[c];
                }
                int[] labels = examples.get(index).labels();
                for (int c = 0; c < classes; c++) {
                    gradient[c] = scores[c] / sum;
                }
                for (int label : labels) {
                    gradient[label] -= 1f / labels.length;
                }
                for (int c = 0; c < classes; c++) {
                    biasSquaredGradients[c] += gradient[c] * gradient[c];
                    bias[c] -= LEARNING_RATE * gradient[c] / (float) Math.sqrt(biasSquaredGradients[c] + 1e-8);
                    for (int f : x) {
                        int w = f * classes + c;
                        float g = gradient[c] * value + L2 * weights[w];
                        squaredGradients[w] += g * g;
                        weights[w] -= LEARNING_RATE * g / (float) Math.sqrt(squaredGradients[w] + 1e-8);
                    }
                }
            }
        }
        return MoodModel.quantise(BUCKETS, classes, bias, weights);
    }

    private static Path moduleDirectory() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("chat-service")) ? here.resolve("chat-service") : here;
    }
}
