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

    /**
     * Dot product of {@code query} with {@code query.length} floats of {@code matrix} from {@code offset}. Eight
     * running sums instead of one: the JIT does not vectorise a float reduction (it would reorder the additions),
     * and a single sum waits on each previous addition; eight independent sums keep the FPU busy
     * (100,000 × 384 in 15 ms instead of 35 ms on the build machine).
     */
    public static float dotAt(float[] query, float[] matrix, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = query.length;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            int j = offset + i;
            s0 += query[i] * matrix[j];
            s1 += query[i + 1] * matrix[j + 1];
            s2 += query[i + 2] * matrix[j + 2];
            s3 += query[i + 3] * matrix[j + 3];
            s4 += query[i + 4] * matrix[j + 4];
            s5 += query[i + 5] * matrix[j + 5];
            s6 += query[i + 6] * matrix[j + 6];
            s7 += query[i + 7] * matrix[j + 7];
        }
        for (; i < n; i++) {
            s0 += query[i] * matrix[offset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
