package dev.jumbo.memory.memories;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jumbo.memory.config.MemoryProperties;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each user's {@link MemoryIndex}, bounded by the total number of vectors held (least recently used users go
 * first). Every write to a user's memories takes a new {@code memory_versions} version in its transaction; a read
 * compares that version (one primary-key lookup) with the cached one and, when it moved, applies only what
 * changed since the cached change number (rows written since, tombstones of rows deleted since), so replicas
 * never serve stale vectors and a heavy user is never reloaded because of one new fact. It reloads in full when
 * there is nothing cached, when the user was erased since (the epoch changed), or when the cached index is older
 * than {@link #FULL_RELOAD_AFTER} (tombstones are kept for a week, so an older index could miss a deletion).
 */
@Component
public class MemoryIndexCache {

    static final Duration FULL_RELOAD_AFTER = Duration.ofDays(1);

    private final MemoryRepository memories;
    private final Cache<String, MemoryIndex> cache;
    private final LongSupplier nanoTime;

    @Autowired
    public MemoryIndexCache(MemoryRepository memories, MemoryProperties properties) {
        this(memories, properties.recallCacheMaxVectors(), System::nanoTime);
    }

    MemoryIndexCache(MemoryRepository memories, long maxVectors, LongSupplier nanoTime) {
        this.memories = memories;
        this.nanoTime = nanoTime;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxVectors)
                .weigher((String user, MemoryIndex index) -> Math.max(1, index.size()))
                .build();
    }

    public Mono<MemoryIndex> indexOf(String userId) {
        return memories.version(userId).flatMap(version -> {
            MemoryIndex cached = cache.getIfPresent(userId);
            if (cached != null && cached.epoch() == version.epoch() && cached.version() == version.version()) {
                return Mono.just(cached);
            }
            long now = nanoTime.getAsLong();
            boolean incremental = cached != null && cached.epoch() == version.epoch()
                    && now - cached.loadedAtNanos() < FULL_RELOAD_AFTER.toNanos();
            MemoryIndex base = incremental ? cached : MemoryIndex.empty(version.epoch(), now);
            return memories.indexChanges(userId, base.changeSeq()).collectList()
                    .map(changes -> base.apply(version.version(), changes))
                    .doOnNext(fresh -> cache.asMap().merge(userId, fresh, MemoryIndexCache::newer));
        });
    }

    /**
     * {@code work} on the user's current index. With a cached copy the work starts on it at once, beside the version
     * check (a database round trip, while the work is CPU), and runs again on the refreshed index only when the check
     * finds the copy stale. {@code work} must emit one value and write nothing.
     */
    public <T> Mono<T> onCurrentIndex(String userId, Function<MemoryIndex, Mono<T>> work) {
        MemoryIndex cached = cache.getIfPresent(userId);
        if (cached == null) {
            return indexOf(userId).flatMap(work);
        }
        return Mono.zip(indexOf(userId), work.apply(cached))
                .flatMap(both -> both.getT1() == cached ? Mono.just(both.getT2()) : work.apply(both.getT1()));
    }

    /** Drops this replica's copy at once, freeing its heap (an erased user's; the version check would catch it anyway). */
    public void invalidate(String userId) {
        cache.invalidate(userId);
    }

    /** Of two indexes built concurrently, the one that has seen more (either is correct for its own version). */
    private static MemoryIndex newer(MemoryIndex old, MemoryIndex fresh) {
        if (old.epoch() != fresh.epoch()) {
            return fresh;
        }
        return fresh.version() >= old.version() ? fresh : old;
    }
}
