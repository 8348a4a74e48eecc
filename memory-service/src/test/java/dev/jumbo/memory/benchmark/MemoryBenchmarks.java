package dev.jumbo.memory.benchmark;

import dev.jumbo.memory.MemoryServiceApplication;
import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.memories.HybridSearch;
import dev.jumbo.memory.memories.MemoryIndex;
import dev.jumbo.memory.memories.MemoryIndexCache;
import dev.jumbo.memory.recall.RecallService;
import dev.jumbo.test.ContractExamples;
import dev.jumbo.test.SharedInfrastructure;
import dev.jumbo.test.SharedInfrastructureInitializer;
import dev.jumbo.test.TestJwks;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Latency benchmarks (not a test). Starts memory-service on the embedded PostgreSQL and Kafka, seeds one user
 * with N synthetic memories (real MiniLM embeddings of 2,000 distinct texts, reused cyclically beyond
 * that) by COPY, then measures over HTTP on loopback, sequentially after a warm-up:
 * <ol>
 *   <li>{@code POST /internal/v1/recall}: intent questions and free-text questions (hybrid fallback);</li>
 *   <li>{@code GET /api/v1/memories?query=}: hybrid search (full-text + trigram + embeddings, RRF);</li>
 *   <li>message-received event published to Kafka → transaction committed (JDBC poll) → one recall returns the
 *       fact, for a fresh user.</li>
 * </ol>
 * Run: {@code java -cp <test classpath> dev.jumbo.memory.benchmark.MemoryBenchmarks 10000,100000}
 */
public final class MemoryBenchmarks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** HTTP/1.1 as chat-service speaks it (the JDK client would otherwise try an h2c upgrade on its first GET). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Each measurement first runs its call for at least this long (C2 compiles hot request paths over tens of seconds here). */
    private static final long WARM_UP_SECONDS = Long.getLong("warmup.seconds", 20);
    /**
     * Before the measured sizes, one whole untimed pass at the first size: on two cores the JVM keeps compiling for
     * minutes, and without this the first size measured came out about twice as slow at p99 as the same size again.
     */
    private static final boolean WARM_UP_PASS = Boolean.parseBoolean(System.getProperty("warmup.pass", "true"));
    /** Numbers the never-asked questions across all passes of a run, so none is asked twice (its embedding would be cached). */
    private static final AtomicInteger NEVER_ASKED = new AtomicInteger();
    private static final String[] NAMES = {"Anna", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
            "Kira", "Liam", "Maya", "Noah", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara"};
    private static final String[] CITIES = {"Paris", "London", "Berlin", "Madrid", "Rome", "Oslo", "Lisbon", "Vienna",
            "Prague", "Dublin", "Tokyo", "Seoul", "Lima", "Cairo", "Nairobi", "Austin", "Denver", "Boston", "Chennai", "Pune"};
    private static final String[] THINGS = {"hiking", "jazz", "sushi", "chess", "painting", "running", "baking", "poetry",
            "cycling", "climbing", "gardening", "knitting", "surfing", "yoga", "tennis", "opera", "ramen", "tea", "films", "board games"};
    private static final String[] FREE_QUESTIONS = {"Tell me about hiking in Paris", "anything about jazz?",
            "who likes chess", "Oslo cycling", "do you know about my tennis"};
    private static final String[] QUERIES = {"sister paris", "hiking", "Maya likes jazz", "colleague in Berlin", "tenis"};
    private static final String[] RELATIONS = {"colleague", "neighbour", "cousin", "classmate", "teammate"};

    private MemoryBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MemoryServiceApplication.class)
                .profiles("test")
                .initializers(new SharedInfrastructureInitializer())
                .properties("logging.level.root=WARN", "logging.level.dev.jumbo=WARN",
                        "management.otlp.metrics.export.enabled=false")
                // a command-line argument, as default properties lose to application.yml's server.port (8083)
                .run("--server.port=0");
        int exitCode = 0;
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            SentenceEmbedder embedder = app.getBean(SentenceEmbedder.class);
            System.out.printf("load average at start: %s%n", loadAverage());

            eventToRecallable(base);
            if (sizes.contains(0)) {
                return;
            }

            int embedded = Math.min(2_000, sizes.stream().max(Integer::compare).orElse(2_000));
            long start = System.nanoTime();
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < embedded; i++) {
                vectors.add(embedder.embedNow(syntheticText(i)));
            }
            System.out.printf("embedded %d synthetic texts in %.1f s%n", embedded, (System.nanoTime() - start) / 1e9);

            if (WARM_UP_PASS) {
                System.out.printf("%n== warm-up pass: everything below once, on its own user (not results)%n");
                measureUser(app, base, sizes.get(0), vectors);
            }
            for (int size : sizes) {
                measureUser(app, base, size, vectors);
            }
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            app.close();
            System.exit(exitCode);
        }
    }

    /** Every measurement for one new user holding {@code size} memories. */
    private static void measureUser(ConfigurableApplicationContext app, String base, int size, List<float[]> vectors)
            throws Exception {
        String user = UUID.randomUUID().toString();
        long seedStart = System.nanoTime();
        seed(user, size, vectors);
        System.out.printf("%n== one user with %,d memories (seeded by COPY in %.1f s; load average %s)%n",
                size, (System.nanoTime() - seedStart) / 1e9, loadAverage());
        String token = TestJwks.tokenFor(user);
        long cold = System.nanoTime();
        post(base + "/internal/v1/recall", token, "{\"question\":\"Where does my sister live?\",\"limit\":5}");
        System.out.printf("first recall, intent question (indexed SQL, no vectors needed): %.0f ms%n",
                (System.nanoTime() - cold) / 1e6);
        long heapBefore = usedHeapAfterGc();
        cold = System.nanoTime();
        post(base + "/internal/v1/recall", token, "{\"question\":\"Tell me about surfing in Lima\",\"limit\":5}");
        System.out.printf("first free-text recall (loads the user's %,d vectors into the cache): %.0f ms%n", size,
                (System.nanoTime() - cold) / 1e6);
        long heapAfter = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "heap held by the cached index of %,d memories: %.1f MB (vector chunks and slots %.1f MB)%n",
                size, (heapAfter - heapBefore) / 1e6,
                app.getBean(MemoryIndexCache.class).indexOf(user).block().vectorBytes() / 1e6);
        String[] intentQuestions = {"Where does my sister live?", "What's my dog's name?", "Do you remember my friends?",
                "Where do I work?", "What does Maya like?"};
        measure("recall, intent questions", 100, 1_000, i -> post(base + "/internal/v1/recall", token,
                "{\"question\":\"" + intentQuestions[i % intentQuestions.length] + "\",\"limit\":5}"));
        measure("recall, free-text questions (hybrid fallback)", 50, 500, i -> post(base + "/internal/v1/recall", token,
                "{\"question\":\"" + FREE_QUESTIONS[i % FREE_QUESTIONS.length] + "\",\"limit\":5}"));
        measure("recall, free-text questions never asked before (embedded on the way)", 50, 500,
                i -> post(base + "/internal/v1/recall", token, "{\"question\":\"" + FREE_QUESTIONS[i % FREE_QUESTIONS.length]
                        + " (" + NEVER_ASKED.incrementAndGet() + ")\",\"limit\":5}"));
        measure("GET /api/v1/memories?query=", 50, 500, i -> get(base + "/api/v1/memories?limit=20&query="
                + URLEncoder.encode(QUERIES[i % QUERIES.length], StandardCharsets.UTF_8), token));
        for (String query : QUERIES) {
            measure("  of which '" + query + "'", 0, 100, i -> get(base + "/api/v1/memories?limit=20&query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8), token));
        }
        List<Double> refresh = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            addOneMemory(user, vectors.get(i));
            long asked = System.nanoTime();
            post(base + "/internal/v1/recall", token, "{\"question\":\"" + FREE_QUESTIONS[i % FREE_QUESTIONS.length]
                    + "\",\"limit\":5}");
            refresh.add((System.nanoTime() - asked) / 1e6);
        }
        report("free-text recall right after another replica added a memory (incremental refresh)", refresh);
        scanTimes(app, user, vectors.get(3));
        measure("fixed cost: GET /api/v1/memories/{unknown id} (JWT, one PK lookup, 404)", 100, 1_000,
                i -> getStatus(base + "/api/v1/memories/" + UUID.randomUUID(), token, 404));
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    private static String syntheticText(int i) {
        String name = NAMES[i % NAMES.length];
        String relation = RELATIONS[(i / NAMES.length) % RELATIONS.length];
        String city = CITIES[(i / 7) % CITIES.length];
        String thing = THINGS[(i / 3) % THINGS.length];
        return switch (i % 4) {
            case 0 -> "User's " + relation + " " + name + " lives in " + city + " (" + i + ")";
            case 1 -> "User's " + relation + " " + name + " likes " + thing + " (" + i + ")";
            case 2 -> "User's " + relation + " " + name + " works at " + city + " " + thing + " club (" + i + ")";
            default -> "User and " + name + " went " + thing + " in " + city + " (" + i + ")";
        };
    }

    /** COPY of {@code size} memories (text i, the embedding of text i mod pool) plus a few the intent questions hit. */
    private static void seed(String user, int size, List<float[]> vectors) throws Exception {
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            StringBuilder rows = new StringBuilder();
            String now = Instant.now().toString();
            for (int i = 0; i < size; i++) {
                String text = syntheticText(i);
                String subject = RELATIONS[(i / NAMES.length) % RELATIONS.length];
                String relation = i % 4 == 0 ? "lives_in" : i % 4 == 1 ? "likes" : i % 4 == 2 ? "works_at" : "did";
                appendRow(rows, user, text, "relationships", subject, relation, NAMES[i % NAMES.length],
                        vectors.get(i % vectors.size()), now);
            }
            String[][] intents = {{"User's sister lives in Paris", "sister", "lives_in", "Paris"},
                    {"User's dog is called Biscuit", "dog", "name", "Biscuit"},
                    {"User's friends are Charvik and Devansh", "friends", "name", "Charvik"},
                    {"User works at Stripe", "user", "works_at", "Stripe"}};
            for (String[] intent : intents) {
                appendRow(rows, user, intent[0], "relationships", intent[1], intent[2], intent[3],
                        vectors.get(0), now);
            }
            ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                    "COPY memory.memories (id, user_id, text, category, subject, relation, fact_values, embedding, "
                            + "content_hash, created_at, updated_at) FROM STDIN", new StringReader(rows.toString()));
            connection.createStatement().execute("INSERT INTO memory.memory_versions (user_id, version, epoch) SELECT '"
                    + user + "', n, n FROM nextval('memory.memory_change_seq') AS n "
                    + "ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version");
            connection.createStatement().execute("ANALYZE memory.memories");
        }
    }

    /** A write as another replica would make it: one row and a version bump in one transaction, without telling us. */
    private static void addOneMemory(String user, float[] vector) throws Exception {
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            connection.setAutoCommit(false);
            StringBuilder row = new StringBuilder();
            appendRow(row, user, "User's teammate Zoe likes curling", "relationships", "teammate", "likes", "curling",
                    vector, Instant.now().toString());
            ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                    "COPY memory.memories (id, user_id, text, category, subject, relation, fact_values, embedding, "
                            + "content_hash, created_at, updated_at) FROM STDIN", new StringReader(row.toString()));
            connection.createStatement().execute("UPDATE memory.memory_versions SET version = nextval('memory.memory_change_seq') "
                    + "WHERE user_id = '" + user + "'");
            connection.commit();
        }
    }

    /** In process, no HTTP: the vector search alone (top 50; exact or shortlist, see MemoryIndex), hybrid search, free-text recall. */
    private static void scanTimes(ConfigurableApplicationContext app, String user, float[] query) throws Exception {
        MemoryIndex index = app.getBean(MemoryIndexCache.class).indexOf(user).block();
        measure("  vector search, top 50 of " + index.size() + " (in process)", 20, 200,
                i -> index.nearest(query, 50, false, null));
        HybridSearch search = app.getBean(HybridSearch.class);
        measure("  hybrid search in process (version check, three rankings, fusion; no HTTP, no rows read)", 20, 200,
                i -> search.search(user, QUERIES[i % QUERIES.length], null, false).block());
        RecallService recall = app.getBean(RecallService.class);
        measure("  free-text recall in process (version check, vector shortlist, text ranks of the close ones)", 20, 200,
                i -> recall.recall(user, FREE_QUESTIONS[i % FREE_QUESTIONS.length], 5).block());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200); // lets the collector finish before reading the gauge (measurement, not a test)
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void appendRow(StringBuilder rows, String user, String text, String category, String subject,
                                  String relation, String value, float[] vector, String now) {
        rows.append(UUID.randomUUID()).append('\t').append(user).append('\t').append(text).append('\t')
                .append(category).append('\t').append(subject).append('\t').append(relation).append('\t')
                .append("{\"").append(value).append("\"}").append('\t').append('{');
        for (int d = 0; d < vector.length; d++) {
            if (d > 0) {
                rows.append(',');
            }
            rows.append(vector[d]);
        }
        rows.append('}').append('\t').append(UUID.randomUUID()).append('\t').append(now).append('\t').append(now).append('\n');
    }

    /** Publishes a fact for a fresh user and polls recall until the fact comes back. */
    private static void eventToRecallable(String base) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        ContractExamples.Example example = ContractExamples.load("chat.conversations.v1", "message-received.v1");
        String[] pets = {"Biscuit", "Mochi", "Pixel", "Rex", "Luna", "Nibbles", "Tofu", "Olive"};
        List<Double> millis = new ArrayList<>();
        List<Double> toConsumed = new ArrayList<>();
        List<Double> toStored = new ArrayList<>();
        List<Double> toCommitted = new ArrayList<>();
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config);
             Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            for (int i = 0; i < 120; i++) {
                String user = UUID.randomUUID().toString();
                String name = pets[i % pets.length];
                ObjectNode payload = (ObjectNode) example.payload().deepCopy();
                payload.put("userId", user);
                payload.put("messageId", UUID.randomUUID().toString());
                payload.put("text", "I have a dog called " + name + ".");
                ProducerRecord<String, String> record = new ProducerRecord<>(example.topic(), user, JSON.writeValueAsString(payload));
                example.headers().forEach((k, v) -> record.headers().add(k, (k.equals("ce_subject") ? user : v).getBytes(StandardCharsets.UTF_8)));
                String eventId = UUID.randomUUID().toString();
                record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
                String token = TestJwks.tokenFor(user);
                Instant sent = Instant.now();
                long start = System.nanoTime();
                producer.send(record).get();
                // wait for the commit (cheap JDBC poll), then ask once, as a chat turn would
                while (!committed(connection, user)) {
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new IllegalStateException("fact not stored after 30 s");
                    }
                    Thread.onSpinWait();
                }
                double committedAfter = (System.nanoTime() - start) / 1e6;
                if (!post(base + "/internal/v1/recall", token, "{\"question\":\"What's my dog's name?\"}").contains(name)) {
                    throw new IllegalStateException("committed fact not recalled");
                }
                if (i >= 20) {
                    millis.add((System.nanoTime() - start) / 1e6);
                    toCommitted.add(committedAfter);
                    // where the time went: transaction start (now() of processed_events) and the memory's created_at
                    try (var rows = connection.createStatement().executeQuery(
                            "SELECT p.processed_at, m.created_at FROM memory.processed_events p, memory.memories m "
                                    + "WHERE p.event_id = '" + eventId + "' AND m.user_id = '" + user + "'")) {
                        if (rows.next()) {
                            toConsumed.add(java.time.Duration.between(sent, rows.getTimestamp(1).toInstant()).toNanos() / 1e6);
                            toStored.add(java.time.Duration.between(sent, rows.getTimestamp(2).toInstant()).toNanos() / 1e6);
                        }
                    }
                }
            }
        }
        report("message-received event -> committed -> recalled (fresh user)", millis);
        report("  of which: event sent -> consumer transaction started", toConsumed);
        report("  of which: event sent -> memory row written", toStored);
        report("  of which: event sent -> transaction committed (seen by JDBC)", toCommitted);
    }

    private static boolean committed(Connection connection, String user) throws java.sql.SQLException {
        try (var rows = connection.createStatement().executeQuery(
                "SELECT 1 FROM memory.memory_versions WHERE user_id = '" + user + "'")) {
            return rows.next();
        }
    }

    interface Call {
        void run(int i) throws Exception;
    }

    private static void measure(String name, int warmUp, int runs, Call call) throws Exception {
        long warmUpEnd = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        for (int i = 0; i < warmUp || System.nanoTime() < warmUpEnd; i++) {
            call.run(i);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run(i);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        report(name, millis);
    }

    static void report(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%-75s n=%d  p50=%.2f ms  p99=%.2f ms  max=%.2f ms%n", name, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String post(String url, String token, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String get(String url, String token) throws Exception {
        return getStatus(url, token, 200);
    }

    private static String getStatus(String url, String token, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
