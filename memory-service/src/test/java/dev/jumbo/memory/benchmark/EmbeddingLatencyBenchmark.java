package dev.jumbo.memory.benchmark;

import com.sun.management.OperatingSystemMXBean;
import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.embedding.Vectors;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What embedding a never-asked question costs, and what the int8-quantised build of the same model would change
 * (ADR 0009, point 11). Not a test: a main class on the test classpath, where the quantised model is a test-only
 * dependency. Measures one thread embedding texts it has never seen (nothing cached): the shipped
 * {@link SentenceEmbedder} and the quantised model, for questions (~10 tokens) and chat-length messages (~25 tokens);
 * then how far the quantised vectors move: cosine to the shipped vectors, and how many of each question's top 5 among
 * 1,000 memory texts stay the same when both sides are embedded by the quantised model. It also times the ONNX
 * Runtime session settings of ADR 0009 point 13: ORT's defaults (langchain4j's own wrapper: one spinning intra-op
 * thread per core), two threads without spinning, and the shipped single thread. {@code -Dbusy.micros=N} keeps a
 * thread busy N µs out of every N + 500 µs meanwhile, as the event loops and PostgreSQL do on a shared machine. Run:
 * {@code java -cp <test classpath> dev.jumbo.memory.benchmark.EmbeddingLatencyBenchmark} ({@code -Druns=500}).
 */
public final class EmbeddingLatencyBenchmark {

    private static final int RUNS = Integer.getInteger("runs", 500);
    private static final int BUSY_MICROS = Integer.getInteger("busy.micros", 0);
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final String[] PEOPLE = {"sister", "brother", "best friend", "boss", "wife", "coworker", "son",
            "daughter", "neighbour", "mom", "dad", "partner", "cousin", "roommate", "teacher"};
    private static final String[] NAMES = {"Maya", "Charvik", "Devansh", "Priya", "Jonas", "Elena", "Omar", "Rosa",
            "Liam", "Tara", "Hugo", "Kira"};
    private static final String[] CITIES = {"Paris", "London", "Berlin", "Pune", "Austin", "Lisbon", "Tokyo", "Oslo"};
    private static final String[] THINGS = {"jazz", "sushi", "hiking", "chess", "pottery", "running", "opera", "ramen",
            "tennis", "gardening", "peanuts", "cats"};

    private EmbeddingLatencyBenchmark() {
    }

    public static void main(String[] args) {
        SentenceEmbedder shipped = new SentenceEmbedder(1, false);
        Function<String, float[]> ortDefaults = normalised(new AllMiniLmL6V2EmbeddingModel());
        Function<String, float[]> twoThreads = new SentenceEmbedder(2, false)::embedNow;
        Function<String, float[]> int8 = normalised(new AllMiniLmL6V2QuantizedEmbeddingModel());

        List<String> warmUp = questions(300, 7);
        for (Function<String, float[]> model : List.of(shipped::embedNow, ortDefaults, twoThreads, int8)) {
            warmUp.forEach(model::apply);
        }
        if (BUSY_MICROS > 0) {
            startBusyThread();
        }
        System.out.printf("one caller, never-seen texts, busy thread: %s%n", BUSY_MICROS > 0 ? BUSY_MICROS + " µs per " + (BUSY_MICROS + 500) : "none");
        time("fp32, 1 thread (shipped), questions", shipped::embedNow, questions(RUNS, 1));
        time("fp32, ORT defaults, questions", ortDefaults, questions(RUNS, 1));
        time("fp32, 2 threads no spinning, questions", twoThreads, questions(RUNS, 1));
        time("int8, ORT defaults, questions", int8, questions(RUNS, 1));
        time("fp32, 1 thread (shipped), chat messages", shipped::embedNow, messages(RUNS, 2));
        time("fp32, ORT defaults, chat messages", ortDefaults, messages(RUNS, 2));
        time("fp32, 2 threads no spinning, chat messages", twoThreads, messages(RUNS, 2));
        time("int8, ORT defaults, chat messages", int8, messages(RUNS, 2));

        List<String> facts = facts(1_000);
        List<float[]> factsShipped = facts.stream().map(shipped::embedNow).toList();
        List<float[]> factsInt8 = facts.stream().map(int8).toList();
        List<String> asked = questions(200, 3);
        double cosineSum = 0;
        double cosineMin = 1;
        int kept = 0;
        for (String question : asked) {
            float[] a = shipped.embedNow(question);
            float[] b = int8.apply(question);
            double cosine = Vectors.dot(a, b);
            cosineSum += cosine;
            cosineMin = Math.min(cosineMin, cosine);
            Set<Integer> top = topFive(a, factsShipped);
            top.retainAll(topFive(b, factsInt8));
            kept += top.size();
        }
        System.out.printf(Locale.ROOT, "int8 vs shipped, %d questions: cosine mean %.4f, min %.4f; top 5 of %,d facts kept %.1f %%%n",
                asked.size(), cosineSum / asked.size(), cosineMin, facts.size(), 100.0 * kept / (5 * asked.size()));
    }

    private static Function<String, float[]> normalised(EmbeddingModel model) {
        return text -> Vectors.normalised(model.embed(text).content().vector());
    }

    private static void startBusyThread() {
        Thread busy = new Thread(() -> {
            while (true) {
                long until = System.nanoTime() + BUSY_MICROS * 1_000L;
                while (System.nanoTime() < until) {
                    // busy, as a request on another thread would be
                }
                LockSupport.parkNanos(500_000);
            }
        }, "busy");
        busy.setDaemon(true);
        busy.start();
    }

    /** Latency, and the CPU the whole process spent per text meanwhile (ONNX Runtime's own threads included). */
    private static void time(String name, Function<String, float[]> embed, List<String> texts) {
        List<Double> millis = new ArrayList<>();
        long cpuStart = PROCESS.getProcessCpuTime();
        for (String text : texts) {
            long start = System.nanoTime();
            embed.apply(text);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double cpuPerText = (PROCESS.getProcessCpuTime() - cpuStart) / 1e6 / texts.size();
        MemoryBenchmarks.report(String.format(Locale.ROOT, "%s (CPU %.1f ms each)", name, cpuPerText), millis);
    }

    private static Set<Integer> topFive(float[] question, List<float[]> facts) {
        return new HashSet<>(IntStream.range(0, facts.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -Vectors.dot(question, facts.get(i))))
                .limit(5).toList());
    }

    /** Distinct questions, numbered so no two are the same text. */
    private static List<String> questions(int count, int seed) {
        String[] forms = {"Where does my %s live?", "What is my %s's name?", "Do you remember my %s?",
                "What does my %s like?", "When is my %s's birthday?", "What did I tell you about my %s?"};
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            questions.add(String.format(forms[(i + seed) % forms.length], PEOPLE[(i * 7 + seed) % PEOPLE.length]) + " " + i);
        }
        return questions;
    }

    private static List<String> messages(int count, int seed) {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(String.format("Had a long day at work, then %s and I went for %s in %s. Do you remember what my %s thinks of %s? (%d)",
                    NAMES[(i + seed) % NAMES.length], THINGS[i % THINGS.length], CITIES[(i / 3) % CITIES.length],
                    PEOPLE[(i / 2) % PEOPLE.length], THINGS[(i / 5) % THINGS.length], i));
        }
        return messages;
    }

    private static List<String> facts(int count) {
        List<String> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = PEOPLE[i % PEOPLE.length];
            String name = NAMES[(i / PEOPLE.length) % NAMES.length];
            facts.add(switch (i % 4) {
                case 0 -> "User's " + person + " " + name + " lives in " + CITIES[(i / 7) % CITIES.length];
                case 1 -> "User's " + person + " " + name + " likes " + THINGS[(i / 3) % THINGS.length];
                case 2 -> "User's " + person + " is called " + name + " and works in " + CITIES[(i / 11) % CITIES.length];
                default -> "User's " + person + " " + name + " is allergic to " + THINGS[(i / 13) % THINGS.length];
            });
        }
        return facts;
    }
}
