package dev.jumbo.memory.memories;

import dev.jumbo.memory.config.MemoryProperties;
import dev.jumbo.memory.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ranks a user's memories for a free-text query by reciprocal rank fusion (k = 60) of three rankings:
 * PostgreSQL full-text (any of the query's words), trigram word similarity ({@code pg_trgm}), and cosine
 * similarity of all-MiniLM-L6-v2 embeddings computed in the service over the user's cached vectors.
 */
@Component
public class HybridSearch {

    static final int RRF_K = 60;
    /** Full-text and trigram rank at most this many times {@code search-candidates} matches each (see MemoryRepository). */
    static final int TEXT_POOL_FACTOR = 20;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final MemoryRepository memories;
    private final MemoryIndexCache indexes;
    private final SentenceEmbedder embedder;
    private final MemoryProperties properties;

    public HybridSearch(MemoryRepository memories, MemoryIndexCache indexes, SentenceEmbedder embedder,
                        MemoryProperties properties) {
        this.memories = memories;
        this.indexes = indexes;
        this.embedder = embedder;
        this.properties = properties;
    }

    /** A fused result: the memory's id, its fused score and its cosine similarity to the query (0 if not among the nearest). */
    public record Hit(UUID id, double score, float similarity) {
    }

    public Mono<List<Hit>> search(String userId, String query, String category, boolean includeArchived) {
        int candidates = properties.searchCandidates();
        int pool = candidates * TEXT_POOL_FACTOR;
        List<String> words = words(query);
        Mono<List<UUID>> fullText = words.isEmpty() ? Mono.just(List.of())
                : memories.fullTextMatches(userId, String.join(" & ", words), String.join(" | ", words), category,
                        includeArchived, candidates, pool).collectList();
        Mono<List<UUID>> trigram = memories.trigramMatches(userId, query, category, includeArchived, candidates, pool)
                .collectList();
        Mono<List<MemoryIndex.Scored>> semantic = Mono.zip(indexes.indexOf(userId), embedder.embedQuery(query))
                .flatMap(both -> both.getT1().nearestAsync(both.getT2(), candidates, includeArchived, category));
        return Mono.zip(fullText, trigram, semantic).map(all -> fuse(all.getT1(), all.getT2(), all.getT3()));
    }

    /**
     * Recall's ranking: only current memories at least {@code minSimilarity} close to the question can answer it, so
     * the embedding ranking picks the candidates (the user's cached vectors, no SQL) and full text and trigram rank
     * just those (one statement on at most {@code search-candidates} primary keys) before the three ranks are fused.
     * No SQL at all when nothing is close enough.
     */
    public Mono<List<Hit>> searchClose(String userId, String query, MemoryIndex index, float[] vector, float minSimilarity) {
        return index.nearestAsync(vector, properties.searchCandidates(), false, null)
                .map(nearest -> nearest.stream().filter(s -> s.similarity() >= minSimilarity).toList())
                .flatMap(close -> close.isEmpty() ? Mono.just(List.<Hit>of())
                        : memories.textScores(userId, close.stream().map(s -> s.memory().id()).toList(), orQuery(query), query)
                                .collectList()
                                .map(scores -> fuse(ranked(scores, MemoryRepository.TextScores::fullText),
                                        ranked(scores, MemoryRepository.TextScores::trigram), close)));
    }

    private static List<UUID> ranked(List<MemoryRepository.TextScores> scores,
                                     java.util.function.Function<MemoryRepository.TextScores, Float> score) {
        return scores.stream().filter(s -> score.apply(s) != null)
                .sorted(Comparator.comparing(score, Comparator.reverseOrder()).thenComparing(MemoryRepository.TextScores::id))
                .map(MemoryRepository.TextScores::id)
                .toList();
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

    /** "where does my sister live?" → "where | does | my | sister | live" (stop words are dropped by the parser). */
    static String orQuery(String query) {
        return String.join(" | ", words(query));
    }

    private static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < 32) {
            words.add(m.group());
        }
        return words;
    }
}
