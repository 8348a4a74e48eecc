package dev.jumbo.memory.memories;

import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.embedding.SignCodes;
import dev.jumbo.memory.embedding.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.stream.IntStream;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One user's memories and their vectors at a version of the user's memories: an immutable snapshot that a delta
 * turns into the next snapshot without copying what did not change. Vectors are packed, row after row, in chunks
 * of {@value #CHUNK_ROWS} rows ({@code float[]} of 1.5 MiB each), with their sign codes and text signatures in
 * chunks alike; applying a delta copies only the chunks it writes, the per-slot arrays (a reference or a byte per
 * memory) and the segments of the id map ({@link SlotMap}) it writes. A deleted memory frees its slot for the next
 * new one. What a scan filters on (free, archived, category) sits in primitive arrays beside the vectors: reading
 * it from each memory's record would cost a cache miss per row and double the time of a 100,000-row scan.
 */
public final class MemoryIndex {

    static final int CHUNK_ROWS = 1024;
    private static final int D = SentenceEmbedder.DIMENSIONS;
    /**
     * From this many slots on, {@link #nearest} shortlists by sign codes and ranks only the shortlist exactly
     * (see {@link #approximateNearest}); below it an exact scan takes two or three milliseconds.
     */
    static final int APPROXIMATE_MIN_SLOTS = 8_192;
    /** The shortlist holds this many times the wanted number of results, and at least {@link #MIN_SHORTLIST}. */
    static final int SHORTLIST_FACTOR = 40;
    static final int MIN_SHORTLIST = 2_000;
    /** From this many changes on, {@link #apply} computes their text features on all cores. */
    static final int PARALLEL_FEATURES_MIN = 4_096;
    private static final int W = SignCodes.WORDS;
    private static final int S = TextFeatures.SIGNATURE_INTS;
    private static final byte FREE = 0;
    private static final byte CURRENT = 1;
    private static final byte ARCHIVED = 2;
    private static final Map<String, Integer> CATEGORY_CODES = new java.util.concurrent.ConcurrentHashMap<>();

    private final long epoch;
    private final long version;
    private final long changeSeq;
    private final long loadedAtNanos;
    private final IndexedMemory[] slots;
    private final TextFeatures[] features;
    private final byte[] states;
    private final int[] categories;
    private final int used;
    private final float[][] chunks;
    private final long[][] codeChunks;
    private final int[][] signatureChunks;
    private final long totalTerms;
    private final SlotMap slotOf;
    private final int[] free;

    private MemoryIndex(long epoch, long version, long changeSeq, long loadedAtNanos, IndexedMemory[] slots,
                        TextFeatures[] features, byte[] states, int[] categories, int used, float[][] chunks,
                        long[][] codeChunks, int[][] signatureChunks, long totalTerms, SlotMap slotOf,
                        int[] free) {
        this.epoch = epoch;
        this.version = version;
        this.changeSeq = changeSeq;
        this.loadedAtNanos = loadedAtNanos;
        this.slots = slots;
        this.features = features;
        this.states = states;
        this.categories = categories;
        this.used = used;
        this.chunks = chunks;
        this.codeChunks = codeChunks;
        this.signatureChunks = signatureChunks;
        this.totalTerms = totalTerms;
        this.slotOf = slotOf;
        this.free = free;
    }

    /** An index holding nothing, to which a full load is applied as one delta. */
    public static MemoryIndex empty(long epoch, long loadedAtNanos) {
        return new MemoryIndex(epoch, 0, 0, loadedAtNanos, new IndexedMemory[0], new TextFeatures[0], new byte[0], new int[0], 0,
                new float[0][], new long[0][], new int[0][], 0, SlotMap.EMPTY, new int[0]);
    }

    /** The snapshot after {@code changes}, labelled {@code version} (read before the changes were). */
    public MemoryIndex apply(long version, List<IndexChange> changes) {
        List<IndexChange> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingLong(IndexChange::changeSeq));
        int inserts = 0;
        for (IndexChange change : ordered) {
            if (!change.deleted() && !slotOf.containsKey(change.id())) {
                inserts++;
            }
        }
        IndexedMemory[] nextSlots = Arrays.copyOf(slots, Math.max(slots.length, used + Math.max(0, inserts - free.length)));
        TextFeatures[] nextFeatures = Arrays.copyOf(features, nextSlots.length);
        byte[] nextStates = Arrays.copyOf(states, nextSlots.length);
        int[] nextCategories = Arrays.copyOf(categories, nextSlots.length);
        float[][] nextChunks = Arrays.copyOf(chunks, (nextSlots.length + CHUNK_ROWS - 1) / CHUNK_ROWS);
        long[][] nextCodeChunks = Arrays.copyOf(codeChunks, nextChunks.length);
        int[][] nextSignatureChunks = Arrays.copyOf(signatureChunks, nextChunks.length);
        long nextTotalTerms = totalTerms;
        BitSet copied = new BitSet(nextChunks.length);
        SlotMap.Builder nextSlotOf = slotOf.toBuilder();
        TextFeatures[] texts = textFeatures(ordered);
        int[] nextFree = Arrays.copyOf(free, free.length + ordered.size());
        int freeCount = free.length;
        int nextUsed = used;
        long seq = changeSeq;
        for (int i = 0; i < ordered.size(); i++) {
            IndexChange change = ordered.get(i);
            seq = Math.max(seq, change.changeSeq());
            if (change.deleted()) {
                Integer slot = nextSlotOf.remove(change.id());
                if (slot != null) {
                    nextSlots[slot] = null;
                    nextTotalTerms -= nextFeatures[slot].terms().length;
                    nextFeatures[slot] = null;
                    nextStates[slot] = FREE;
                    nextFree[freeCount++] = slot;
                }
                continue;
            }
            Integer slot = nextSlotOf.get(change.id());
            if (slot == null) {
                slot = freeCount > 0 ? nextFree[--freeCount] : nextUsed++;
                nextSlotOf.put(change.id(), slot);
            }
            nextSlots[slot] = change.memory();
            if (nextFeatures[slot] != null) {
                nextTotalTerms -= nextFeatures[slot].terms().length;
            }
            TextFeatures text = texts[i];
            nextFeatures[slot] = text;
            nextTotalTerms += text.terms().length;
            nextStates[slot] = change.memory().archived() ? ARCHIVED : CURRENT;
            nextCategories[slot] = categoryCode(change.memory().category());
            int chunk = slot / CHUNK_ROWS;
            if (!copied.get(chunk)) {
                nextChunks[chunk] = nextChunks[chunk] == null ? new float[CHUNK_ROWS * D] : nextChunks[chunk].clone();
                nextCodeChunks[chunk] = nextCodeChunks[chunk] == null ? new long[CHUNK_ROWS * W] : nextCodeChunks[chunk].clone();
                nextSignatureChunks[chunk] = nextSignatureChunks[chunk] == null ? new int[CHUNK_ROWS * S]
                        : nextSignatureChunks[chunk].clone();
                copied.set(chunk);
            }
            float[] embedding = change.embedding();
            int row = slot % CHUNK_ROWS;
            text.writeSignatures(nextSignatureChunks[chunk], row * S);
            if (embedding != null && embedding.length == D) {
                System.arraycopy(embedding, 0, nextChunks[chunk], row * D, D);
                SignCodes.encode(embedding, nextCodeChunks[chunk], row * W);
            } else {
                Arrays.fill(nextChunks[chunk], row * D, (row + 1) * D, 0f);
                Arrays.fill(nextCodeChunks[chunk], row * W, (row + 1) * W, 0L);
            }
        }
        return new MemoryIndex(epoch, version, seq, loadedAtNanos, nextSlots, nextFeatures, nextStates, nextCategories, nextUsed,
                nextChunks, nextCodeChunks, nextSignatureChunks, nextTotalTerms, nextSlotOf.build(), Arrays.copyOf(nextFree, freeCount));
    }

    /**
     * The text features of each change that is not a deletion. A full load of 100,000 memories spends about 0.9 s
     * here on one core, so a delta that large spreads it over the cores; a small one stays on the caller.
     */
    private static TextFeatures[] textFeatures(List<IndexChange> changes) {
        TextFeatures[] texts = new TextFeatures[changes.size()];
        IntStream range = IntStream.range(0, texts.length);
        (texts.length >= PARALLEL_FEATURES_MIN ? range.parallel() : range).forEach(i -> {
            IndexedMemory memory = changes.get(i).memory();
            texts[i] = changes.get(i).deleted() ? null : TextFeatures.of(memory.text(), memory.subject());
        });
        return texts;
    }

    private static synchronized int categoryCode(String category) {
        return category == null ? -1 : CATEGORY_CODES.computeIfAbsent(category, c -> CATEGORY_CODES.size());
    }

    public long epoch() {
        return epoch;
    }

    public long version() {
        return version;
    }

    /** The highest change number applied: the next delta starts after it. */
    public long changeSeq() {
        return changeSeq;
    }

    public long loadedAtNanos() {
        return loadedAtNanos;
    }

    public int size() {
        return slotOf.size();
    }

    public IndexedMemory get(UUID id) {
        Integer slot = slotOf.get(id);
        return slot == null ? null : slots[slot];
    }

    /** The ids of the memories held, in slot order. */
    public List<UUID> memoriesIds() {
        List<UUID> ids = new ArrayList<>(slotOf.size());
        for (int slot = 0; slot < used; slot++) {
            if (slots[slot] != null) {
                ids.add(slots[slot].id());
            }
        }
        return ids;
    }

    /** The slot of a memory held here, or -1. */
    int slotOf(UUID id) {
        Integer slot = slotOf.get(id);
        return slot == null ? -1 : slot;
    }

    IndexedMemory memoryAt(int slot) {
        return slots[slot];
    }

    TextFeatures featuresAt(int slot) {
        return features[slot];
    }

    /** The chunk holding {@code slot}'s text signatures (see {@link TextFeatures#writeSignatures}), at {@link #signatureOffset}. */
    int[] signaturesOf(int slot) {
        return signatureChunks[slot / CHUNK_ROWS];
    }

    static int signatureOffset(int slot) {
        return (slot % CHUNK_ROWS) * S;
    }

    /** The average number of terms of the memories held (BM25's length norm). */
    float averageTerms() {
        return slotOf.isEmpty() ? 1f : Math.max(1f, (float) totalTerms / slotOf.size());
    }

    /** The slots of the current memories (and archived ones when {@code includeArchived}) of {@code category} (any when null), ascending. */
    int[] eligibleSlots(boolean includeArchived, String category) {
        if (category != null && !CATEGORY_CODES.containsKey(category)) {
            return new int[0];
        }
        int wanted = category == null ? -1 : CATEGORY_CODES.get(category);
        byte highest = includeArchived ? ARCHIVED : CURRENT;
        int[] eligible = new int[used];
        int n = 0;
        for (int slot = 0; slot < used; slot++) {
            if (eligible(slot, highest, wanted)) {
                eligible[n++] = slot;
            }
        }
        return Arrays.copyOf(eligible, n);
    }

    /** The vector of a memory held here (a copy), or null. */
    public float[] vectorOf(UUID id) {
        Integer slot = slotOf.get(id);
        if (slot == null) {
            return null;
        }
        int offset = (slot % CHUNK_ROWS) * D;
        return Arrays.copyOfRange(chunks[slot / CHUNK_ROWS], offset, offset + D);
    }

    /** Bytes held by this snapshot's vectors and slot structures (not the memories' texts and text features). */
    public long vectorBytes() {
        long chunkCount = Arrays.stream(chunks).filter(c -> c != null).count();
        return chunkCount * CHUNK_ROWS * (D * Float.BYTES + W * Long.BYTES + S * Integer.BYTES) + (long) slots.length * (4 + 4 + 1 + 4)
                + (long) free.length * 4;
    }

    public record Scored(IndexedMemory memory, float similarity) {
    }

    /**
     * The {@code limit} memories most similar to {@code query}, best first, among the current ones (and the archived
     * ones when {@code includeArchived}) of {@code category} (any when null). Exact below
     * {@value #APPROXIMATE_MIN_SLOTS} slots, from a sign-code shortlist above.
     */
    public List<Scored> nearest(float[] query, int limit, boolean includeArchived, String category) {
        return used < APPROXIMATE_MIN_SLOTS ? exactNearest(query, limit, includeArchived, category)
                : approximateNearest(query, limit, includeArchived, category);
    }

    /** Every eligible vector compared with {@code query}. */
    List<Scored> exactNearest(float[] query, int limit, boolean includeArchived, String category) {
        return sorted(scan(query, limit, includeArchived, category));
    }

    /**
     * Ranks exactly only the shortlist of the {@code max(limit × SHORTLIST_FACTOR, MIN_SHORTLIST)} eligible vectors
     * whose sign codes are closest to the query's (fewest differing bits), found with a histogram of the distances,
     * not a sort. The scan reads 48 bytes a memory instead of 1,536; a true neighbour is missed only when more than
     * the shortlist's size of vectors have codes closer to the query's than it has (docs/benchmarks.md measures how
     * often that happens on real sentences).
     */
    List<Scored> approximateNearest(float[] query, int limit, boolean includeArchived, String category) {
        if (category != null && !CATEGORY_CODES.containsKey(category)) {
            return List.of();
        }
        int wanted = category == null ? -1 : CATEGORY_CODES.get(category);
        byte highest = includeArchived ? ARCHIVED : CURRENT;
        long[] code = SignCodes.of(query);
        short[] distances = new short[used];
        int[] histogram = new int[D + 1];
        int eligible = 0;
        for (int slot = 0; slot < used; slot++) {
            if (!eligible(slot, highest, wanted)) {
                distances[slot] = -1;
                continue;
            }
            int distance = SignCodes.distance(code, codeChunks[slot / CHUNK_ROWS], (slot % CHUNK_ROWS) * W);
            distances[slot] = (short) distance;
            histogram[distance]++;
            eligible++;
        }
        int shortlist = Math.max(limit * SHORTLIST_FACTOR, MIN_SHORTLIST);
        if (shortlist >= eligible) {
            return exactNearest(query, limit, includeArchived, category);
        }
        int cutoff = 0;
        int closer = 0;
        while (closer + histogram[cutoff] < shortlist) {
            closer += histogram[cutoff++];
        }
        int atCutoff = shortlist - closer;
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, Comparator.comparingDouble(Scored::similarity));
        for (int slot = 0; slot < used; slot++) {
            int distance = distances[slot];
            if (distance < 0 || distance > cutoff || (distance == cutoff && atCutoff-- <= 0)) {
                continue;
            }
            float similarity = Vectors.dotAt(query, chunks[slot / CHUNK_ROWS], (slot % CHUNK_ROWS) * D);
            offer(best, new Scored(slots[slot], similarity), limit);
        }
        return sorted(best);
    }

    /** Like {@link #nearest}, off the caller's thread on the CPU-bound {@code parallel} scheduler. */
    public Mono<List<Scored>> nearestAsync(float[] query, int limit, boolean includeArchived, String category) {
        return Mono.fromCallable(() -> nearest(query, limit, includeArchived, category)).subscribeOn(Schedulers.parallel());
    }

    private PriorityQueue<Scored> scan(float[] query, int limit, boolean includeArchived, String category) {
        PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, Comparator.comparingDouble(Scored::similarity));
        if (category != null && !CATEGORY_CODES.containsKey(category)) {
            return best;
        }
        int wanted = category == null ? -1 : CATEGORY_CODES.get(category);
        byte highest = includeArchived ? ARCHIVED : CURRENT;
        float floor = Float.NEGATIVE_INFINITY;
        for (int slot = 0; slot < used; slot++) {
            if (!eligible(slot, highest, wanted)) {
                continue;
            }
            float similarity = Vectors.dotAt(query, chunks[slot / CHUNK_ROWS], (slot % CHUNK_ROWS) * D);
            if (best.size() < limit || similarity > floor) {
                offer(best, new Scored(slots[slot], similarity), limit);
                floor = best.size() < limit ? Float.NEGATIVE_INFINITY : best.peek().similarity();
            }
        }
        return best;
    }

    /** Whether the memory in {@code slot} is held and not archived beyond {@code highest}, of the wanted category (any if -1). */
    private boolean eligible(int slot, byte highest, int wanted) {
        byte state = states[slot];
        return state >= CURRENT && state <= highest && (wanted < 0 || categories[slot] == wanted);
    }

    private static void offer(PriorityQueue<Scored> best, Scored scored, int limit) {
        if (best.size() < limit) {
            best.add(scored);
        } else if (limit > 0 && scored.similarity() > best.peek().similarity()) {
            best.poll();
            best.add(scored);
        }
    }

    private static List<Scored> sorted(PriorityQueue<Scored> best) {
        List<Scored> out = new ArrayList<>(best);
        out.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        return out;
    }
}
