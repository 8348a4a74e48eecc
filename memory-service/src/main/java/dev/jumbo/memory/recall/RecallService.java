package dev.jumbo.memory.recall;

import dev.jumbo.memory.config.MemoryProperties;
import dev.jumbo.memory.memories.HybridSearch;
import dev.jumbo.memory.memories.IndexedMemory;
import dev.jumbo.memory.memories.MemoryIndex;
import dev.jumbo.memory.memories.MemoryIndexCache;
import dev.jumbo.memory.memories.MemoryRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Answers "do you remember …?" for chat-service: first the memories whose subject and relation the question
 * names (confidence 0.95 when the relation matches, 0.85 when the question names only the subject), most
 * recently updated first — no model inference on this path; otherwise hybrid search, keeping only hits whose cosine similarity reaches
 * {@code jumbo.memory.recall-min-confidence}. Stamps {@code last_recalled_at} on what it returns.
 */
@Service
public class RecallService {

    private final MemoryIndexCache indexes;
    private final HybridSearch search;
    private final MemoryRepository memories;
    private final MemoryProperties properties;

    public RecallService(MemoryIndexCache indexes, HybridSearch search,
                         MemoryRepository memories, MemoryProperties properties) {
        this.indexes = indexes;
        this.search = search;
        this.memories = memories;
        this.properties = properties;
    }

    public record Recalled(UUID id, String text, String category, String subject, List<String> values, double confidence) {
    }

    public Mono<List<Recalled>> recall(String userId, String question, int limit) {
        QuestionIntent intent = QuestionIntent.of(question);
        return indexes.indexOf(userId)
                .flatMap(index -> {
                    List<Recalled> byIntent = byIntent(index, intent, limit);
                    return byIntent.isEmpty() ? bySearch(userId, question, index, limit) : Mono.just(byIntent);
                })
                .flatMap(found -> memories.touchRecalled(found.stream().map(Recalled::id).toList()).thenReturn(found));
    }

    static List<Recalled> byIntent(MemoryIndex index, QuestionIntent intent, int limit) {
        if (intent.isEmpty()) {
            return List.of();
        }
        List<Recalled> found = new ArrayList<>();
        for (int row = 0; row < index.size(); row++) {
            IndexedMemory memory = index.memories().get(row);
            if (memory.archived() || !intent.subjects().contains(memory.subject())) {
                continue;
            }
            boolean relationMatches = intent.relations().contains(memory.relation());
            if (!intent.relations().isEmpty() && !relationMatches) {
                continue;
            }
            found.add(new Recalled(memory.id(), memory.text(), memory.category(), memory.subject(), memory.values(),
                    relationMatches ? 0.95 : 0.85));
        }
        // the index is newest first, and the sort is stable: equally confident matches stay newest first
        found.sort(Comparator.comparingDouble(Recalled::confidence).reversed());
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private Mono<List<Recalled>> bySearch(String userId, String question, MemoryIndex index, int limit) {
        Map<UUID, IndexedMemory> byId = new HashMap<>();
        index.memories().forEach(m -> byId.put(m.id(), m));
        return search.search(userId, question, null, false).map(hits -> hits.stream()
                .filter(hit -> hit.similarity() >= properties.recallMinConfidence() && byId.containsKey(hit.id()))
                .limit(limit)
                .map(hit -> {
                    IndexedMemory m = byId.get(hit.id());
                    return new Recalled(m.id(), m.text(), m.category(), m.subject(), m.values(),
                            Math.round(Math.min(1.0, hit.similarity()) * 1000) / 1000d);
                })
                .toList());
    }
}
