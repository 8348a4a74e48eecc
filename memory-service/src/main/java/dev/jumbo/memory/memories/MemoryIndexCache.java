package dev.jumbo.memory.memories;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jumbo.memory.config.MemoryProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each user's {@link MemoryIndex}, bounded by the total number of vectors held. Every write to a user's
 * memories bumps {@code memory_versions} in the same transaction; a read compares that version (one primary-key
 * lookup) with the cached one and reloads when it moved, so replicas never serve stale vectors.
 */
@Component
public class MemoryIndexCache {

    private final MemoryRepository memories;
    private final Cache<String, MemoryIndex> cache;

    public MemoryIndexCache(MemoryRepository memories, MemoryProperties properties) {
        this.memories = memories;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.recallCacheMaxVectors())
                .weigher((String user, MemoryIndex index) -> Math.max(1, index.size()))
                .build();
    }

    public Mono<MemoryIndex> indexOf(String userId) {
        return memories.version(userId).flatMap(version -> {
            MemoryIndex cached = cache.getIfPresent(userId);
            if (cached != null && cached.version() == version) {
                return Mono.just(cached);
            }
            return memories.indexed(userId).collectList()
                    .map(rows -> new MemoryIndex(version, rows))
                    .doOnNext(index -> cache.asMap().merge(userId, index,
                            (old, fresh) -> fresh.version() >= old.version() ? fresh : old));
        });
    }

    /** Drops this replica's copy at once (the version check would catch it on the next read anyway). */
    public void invalidate(String userId) {
        cache.invalidate(userId);
    }
}
