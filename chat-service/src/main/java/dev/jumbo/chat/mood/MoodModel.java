package dev.jumbo.chat.mood;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Multinomial logistic regression over {@link HashedFeatures}, trained on GoEmotions by
 * {@code MoodModelTrainer}. Weights are stored feature-major and quantised to one byte each with a scale per
 * class, which keeps the resource near 1 MB and a prediction at a few microseconds.
 */
public final class MoodModel {

    public static final String RESOURCE = "/mood/goemotions-logreg.bin.gz";
    private static final int MAGIC = 0x4A4D4D31; // "JMM1"

    private final int buckets;
    private final int classes;
    private final float[] bias;
    private final float[] scale;
    private final byte[] weights;

    public MoodModel(int buckets, int classes, float[] bias, float[] scale, byte[] weights) {
        this.buckets = buckets;
        this.classes = classes;
        this.bias = bias;
        this.scale = scale;
        this.weights = weights;
    }

    /** Quantises float weights laid out feature-major ({@code weights[feature * classes + c]}). */
    public static MoodModel quantise(int buckets, int classes, float[] bias, float[] weights) {
        float[] scale = new float[classes];
        for (int i = 0; i < weights.length; i++) {
            int c = i % classes;
            scale[c] = Math.max(scale[c], Math.abs(weights[i]));
        }
        for (int c = 0; c < classes; c++) {
            scale[c] = scale[c] == 0 ? 1 : scale[c] / 127f;
        }
        byte[] quantised = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            quantised[i] = (byte) Math.round(weights[i] / scale[i % classes]);
        }
        return new MoodModel(buckets, classes, bias.clone(), scale, quantised);
    }

    public static MoodModel load() {
        try (InputStream in = MoodModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Mood model resource " + RESOURCE + " is missing; run MoodModelTrainer");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MoodModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a Jumbo mood model");
        }
        int buckets = in.readInt();
        int classes = in.readInt();
        float[] bias = new float[classes];
        float[] scale = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = in.readFloat();
        }
        for (int c = 0; c < classes; c++) {
            scale[c] = in.readFloat();
        }
        byte[] weights = new byte[buckets * classes];
        in.readFully(weights);
        return new MoodModel(buckets, classes, bias, scale, weights);
    }

    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeInt(buckets);
        out.writeInt(classes);
        for (float b : bias) {
            out.writeFloat(b);
        }
        for (float s : scale) {
            out.writeFloat(s);
        }
        out.write(weights);
        out.flush();
        gzip.finish();
    }

    public int buckets() {
        return buckets;
    }

    /** Probability of each GoEmotions label (softmax over the 28 classes). */
    public float[] predict(String text) {
        return predict(TextTokens.of(text));
    }

    /** Probability of each GoEmotions label for already tokenised text. */
    public float[] predict(java.util.List<TextTokens.Token> tokens) {
        int[] features = HashedFeatures.of(tokens, buckets);
        float norm = (float) (1.0 / Math.sqrt(features.length));
        float[] scores = new float[classes];
        for (int feature : features) {
            int offset = feature * classes;
            for (int c = 0; c < classes; c++) {
                scores[c] += weights[offset + c];
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            scores[c] = scores[c] * scale[c] * norm + bias[c];
            max = Math.max(max, scores[c]);
        }
        float sum = 0;
        for (int c = 0; c < classes; c++) {
            scores[c] = (float) Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < classes; c++) {
            scores[c] /= sum;
        }
        return scores;
    }
}
