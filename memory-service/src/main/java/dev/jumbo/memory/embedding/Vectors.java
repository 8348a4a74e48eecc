package dev.jumbo.memory.embedding;

/** Plain vector maths over float arrays. */
public final class Vectors {

    private Vectors() {
    }

    public static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector.clone();
        }
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = (float) (vector[i] / norm);
        }
        return out;
    }

    /** Dot product of {@code query} with the row {@code row} of a row-major matrix of {@code query.length} columns. */
    public static float dot(float[] query, float[] matrix, int row) {
        int offset = row * query.length;
        float sum = 0;
        for (int i = 0; i < query.length; i++) {
            sum += query[i] * matrix[offset + i];
        }
        return sum;
    }

    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
