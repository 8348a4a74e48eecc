package dev.jumbo.memory.memories;

import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.embedding.Vectors;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * How good and how fast the sign-code shortlist of {@link MemoryIndex} is on real sentences (not a test): embeds
 * the GoEmotions train split (43,410 Reddit comments) and 300 dev comments as questions with all-MiniLM-L6-v2
 * (cached in {@code target/} after the first run, which takes a few minutes), then compares
 * {@link MemoryIndex#approximateNearest} with {@link MemoryIndex#exactNearest} at 10,000, 43,410 and 100,000
 * vectors (above 43,410: each comment again as a paraphrase-like neighbour, its vector moved by noise to cosine ≈ 0.9).
 * Recall@k = share of the exact top k that the approximate top k holds.
 * Run: {@code java -cp <test classpath> dev.jumbo.memory.memories.MemoryIndexBenchmark}
 */
public final class MemoryIndexBenchmark {

    private static final int QUESTIONS = 300;

    private MemoryIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = goEmotions();
        List<float[]> corpus = embedded(texts(data.resolve("train.tsv"), Integer.MAX_VALUE), Path.of("target/goemotions-train.vectors"));
        List<float[]> questions = embedded(texts(data.resolve("dev.tsv"), QUESTIONS), Path.of("target/goemotions-dev.vectors"));
        Random random = new Random(7);
        List<float[]> all = new ArrayList<>(corpus);
        while (all.size() < 100_000) {
            all.add(neighbour(corpus.get(all.size() % corpus.size()), random));
        }
        for (int size : new int[] {10_000, corpus.size(), 100_000}) {
            MemoryIndex index = index(all.subList(0, size));
            for (int k : new int[] {5, 50}) {
                double recall = 0;
                for (float[] question : questions) {
                    Set<UUID> exact = ids(index.exactNearest(question, k, false, null));
                    Set<UUID> approximate = ids(index.approximateNearest(question, k, false, null));
                    approximate.retainAll(exact);
                    recall += approximate.size() / (double) exact.size();
                }
                System.out.printf(Locale.ROOT, "%,7d vectors  recall@%-2d %.4f  (shortlist %d)%n", size, k,
                        recall / questions.size(), Math.max(k * MemoryIndex.SHORTLIST_FACTOR, MemoryIndex.MIN_SHORTLIST));
            }
            time(size, "exact scan, top 50", questions, q -> index.exactNearest(q, 50, false, null));
            time(size, "sign-code shortlist + exact rerank, top 50", questions, q -> index.approximateNearest(q, 50, false, null));
        }
    }

    interface Search {
        List<MemoryIndex.Scored> run(float[] query);
    }

    private static void time(int size, String name, List<float[]> questions, Search search) {
        for (int i = 0; i < 2_000; i++) {
            search.run(questions.get(i % questions.size()));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            long start = System.nanoTime();
            search.run(questions.get(i % questions.size()));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%,7d vectors  %-45s p50=%.2f ms  p99=%.2f ms%n", size, name,
                millis.get(499), millis.get(989));
    }

    private static MemoryIndex index(List<float[]> vectors) {
        List<IndexChange> changes = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            UUID id = new UUID(0, i);
            changes.add(new IndexChange(id, i + 1, new IndexedMemory(id, "m" + i, "preferences", null, null, List.of(), false),
                    vectors.get(i)));
        }
        return MemoryIndex.empty(1, 0).apply(1, changes);
    }

    private static Set<UUID> ids(List<MemoryIndex.Scored> scored) {
        Set<UUID> ids = new HashSet<>();
        scored.forEach(s -> ids.add(s.memory().id()));
        return ids;
    }

    /** The vector moved by Gaussian noise to a cosine of about 0.9 with it, normalised again. */
    private static float[] neighbour(float[] vector, Random random) {
        float[] moved = new float[vector.length];
        double sigma = 0.025;
        for (int d = 0; d < vector.length; d++) {
            moved[d] = (float) (vector[d] + random.nextGaussian() * sigma);
        }
        return Vectors.normalised(moved);
    }

    private static List<String> texts(Path tsv, int limit) throws IOException {
        return Files.readAllLines(tsv).stream().map(line -> line.split("\t", 2)[0]).limit(limit).toList();
    }

    private static List<float[]> embedded(List<String> texts, Path cache) throws IOException {
        int d = SentenceEmbedder.DIMENSIONS;
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                List<float[]> vectors = new ArrayList<>(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    float[] v = new float[d];
                    for (int j = 0; j < d; j++) {
                        v[j] = in.readFloat();
                    }
                    vectors.add(v);
                }
                return vectors;
            }
        }
        SentenceEmbedder embedder = new SentenceEmbedder(1, false);
        long start = System.nanoTime();
        float[][] vectors = new float[texts.size()][];
        IntStream.range(0, texts.size()).parallel().forEach(i -> vectors[i] = embedder.embedNow(texts.get(i)));
        System.out.printf("embedded %,d texts in %.0f s%n", texts.size(), (System.nanoTime() - start) / 1e9);
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
            for (float[] v : vectors) {
                for (float x : v) {
                    out.writeFloat(x);
                }
            }
        }
        return List.of(vectors);
    }

    private static Path goEmotions() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/data/goemotions"), dir.resolveSibling("shared").resolve("data/goemotions"))) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("shared/data/goemotions not found above " + Path.of("").toAbsolutePath());
    }
}
