package dev.jumbo.memory.memories;

import dev.jumbo.memory.config.MemoryProperties;
import dev.jumbo.memory.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Ranks a user's memories for a free-text query by reciprocal rank fusion (k = 60) of three rankings, all computed
 * in the service over the user's cached {@link MemoryIndex} (ADR 0009): full text (BM25 over stemmed words, as
 * PostgreSQL's {@code english} configuration stems them), trigram similarity (as {@code pg_trgm} forms trigrams) and
 * cosine similarity of all-MiniLM-L6-v2 embeddings. The only SQL on the way is the index's version check.
 */
@Component
public class HybridSearch {

    static final int RRF_K = 60;

    private final MemoryIndexCache indexes;
    private final SentenceEmbedder embedder;
    private final MemoryProperties properties;

    public HybridSearch(MemoryIndexCache indexes, SentenceEmbedder embedder, MemoryProperties properties) {
        this.indexes = indexes;
        this.embedder = embedder;
        this.properties = properties;
    }

    /** A fused result: the memory's id, its fused score and its cosine similarity to the query (0 if not among the nearest). */
    public record Hit(UUID id, double score, float similarity) {
    }

    /** The three rankings run side by side on the CPU-bound {@code parallel} scheduler. */
    public Mono<List<Hit>> search(String userId, String query, String category, boolean includeArchived) {
        int candidates = properties.searchCandidates();
        TextQuery text = TextQuery.of(query);
        return indexes.onCurrentIndex(userId, embedder.embedQuery(query), (index, vector) -> {
            int[] slots = index.eligibleSlots(includeArchived, category);
            return Mono.zip(onParallel(() -> LexicalRanking.fullText(index, slots, text, candidates)),
                            onParallel(() -> LexicalRanking.trigram(index, slots, text, candidates)),
                            index.nearestAsync(vector, candidates, includeArchived, category))
                    .map(all -> fuse(all.getT1(), all.getT2(), all.getT3()));
        });
    }

    private static <T> Mono<T> onParallel(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.parallel());
    }

    /**
     * Recall's ranking: only current memories at least {@code minSimilarity} close to the question can answer it, so
     * the embedding ranking picks the candidates and full text and trigram rank just those before the three ranks
     * are fused.
     */
    public Mono<List<Hit>> searchClose(String query, MemoryIndex index, float[] vector, float minSimilarity) {
        return index.nearestAsync(vector, properties.searchCandidates(), false, null).map(nearest -> {
            List<MemoryIndex.Scored> close = nearest.stream().filter(s -> s.similarity() >= minSimilarity).toList();
            if (close.isEmpty()) {
                return List.of();
            }
            int[] slots = close.stream().mapToInt(s -> index.slotOf(s.memory().id())).filter(slot -> slot >= 0).toArray();
            TextQuery text = TextQuery.of(query);
            return fuse(LexicalRanking.fullText(index, slots, text, slots.length),
                    LexicalRanking.trigram(index, slots, text, slots.length), close);
        });
    }

    static List<Hit> fuse(List<UUID> fullText, List<UUID> trigram, List<MemoryIndex.Scored> semantic) {
        Map<UUID, Double> scores = new HashMap<>();
        Map<UUID, Float> similarities = new HashMap<>();
        addRanks(scores, fullText);
        addRanks(scores, trigram);
        List<UUID> semanticIds = new ArrayList<>();
        for (MemoryIndex.Scored scored : semantic) {
            semanticIds.add(scored.memory().id());
            similarities.put(scored.memory().id(), scored.similarity());
        }
        addRanks(scores, semanticIds);
        List<Hit> hits = new ArrayList<>();
        scores.forEach((id, score) -> hits.add(new Hit(id, score, similarities.getOrDefault(id, 0f))));
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::similarity, Comparator.reverseOrder()));
        return hits;
    }

    private static void addRanks(Map<UUID, Double> scores, List<UUID> ranking) {
        for (int rank = 0; rank < ranking.size(); rank++) {
            scores.merge(ranking.get(rank), 1.0 / (RRF_K + rank + 1), Double::sum);
        }
    }
}
