package dev.jumbo.memory.recall;

import dev.jumbo.memory.config.MemoryProperties;
import dev.jumbo.memory.embedding.SentenceEmbedder;
import dev.jumbo.memory.memories.HybridSearch;
import dev.jumbo.memory.memories.IndexedMemory;
import dev.jumbo.memory.memories.MemoryIndexCache;
import dev.jumbo.memory.memories.MemoryRepository;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Answers "do you remember …?" for chat-service: first the memories whose subject and relation the question
 * names (confidence 0.95 when the relation matches, 0.85 when the question names only the subject), most
 * recently updated first, straight from {@code memories_user_subject_idx} — no model, no vector index on this path;
 * otherwise the memories whose cosine similarity to the question reaches {@code jumbo.memory.recall-min-confidence},
 * ranked by {@link HybridSearch#searchClose} in the service. Each path is one SQL statement; {@code last_recalled_at}
 * is stamped on what it returns by {@link RecallStamps}, behind the answer.
 */
@Service
public class RecallService {

    private final MemoryIndexCache indexes;
    private final HybridSearch search;
    private final SentenceEmbedder embedder;
    private final MemoryRepository memories;
    private final RecallStamps stamps;
    private final MemoryProperties properties;

    RecallService(MemoryIndexCache indexes, HybridSearch search, SentenceEmbedder embedder, MemoryRepository memories,
                  RecallStamps stamps, MemoryProperties properties) {
        this.indexes = indexes;
        this.embedder = embedder;
        this.search = search;
        this.memories = memories;
        this.stamps = stamps;
        this.properties = properties;
    }

    public record Recalled(UUID id, String text, String category, String subject, List<String> values, double confidence) {
    }

    public Mono<List<Recalled>> recall(String userId, String question, int limit) {
        QuestionIntent intent = QuestionIntent.of(question);
        Mono<List<Recalled>> byIntent = intent.isEmpty() ? byName(userId, intent, limit) : byIntent(userId, intent, limit);
        return byIntent.flatMap(found -> found.isEmpty() ? bySearch(userId, question, limit) : Mono.just(found))
                .doOnNext(found -> stamps.stamp(found.stream().map(Recalled::id).toList()));
    }

    /** One indexed statement; no model and no cached index on this path. */
    private Mono<List<Recalled>> byIntent(String userId, QuestionIntent intent, int limit) {
        double confidence = intent.relations().isEmpty() ? 0.85 : 0.95;
        return memories.recallBySubject(userId, intent.subjects(), intent.relations(), limit)
                .map(m -> new Recalled(m.id(), m.text(), m.category(), m.subject(), m.values(), confidence))
                .collectList();
    }

    /**
     * "What does Tom do?": the subjects of the people and pets called one of the question's names (one indexed
     * statement), then the intent path on those subjects. Only when the question also names a relation.
     */
    private Mono<List<Recalled>> byName(String userId, QuestionIntent intent, int limit) {
        if (intent.names().isEmpty() || intent.relations().isEmpty()) {
            return Mono.just(List.of());
        }
        return memories.subjectsNamed(userId, intent.names()).collect(Collectors.toSet())
                .flatMap(subjects -> subjects.isEmpty() ? Mono.just(List.<Recalled>of())
                        : byIntent(userId, new QuestionIntent(subjects, intent.relations(), Set.of()), limit));
    }

    private Mono<List<Recalled>> bySearch(String userId, String question, int limit) {
        float minSimilarity = properties.recallMinConfidence().floatValue();
        return indexes.onCurrentIndex(userId, embedder.embedQuery(question), (index, vector) ->
                search.searchClose(question, index, vector, minSimilarity).map(hits -> hits.stream()
                        .filter(hit -> index.get(hit.id()) != null)
                        .limit(limit)
                        .map(hit -> {
                            IndexedMemory m = index.get(hit.id());
                            return new Recalled(m.id(), m.text(), m.category(), m.subject(), m.values(),
                                    Math.round(Math.min(1.0, hit.similarity()) * 1000) / 1000d);
                        })
                        .toList()));
    }
}
