package dev.jumbo.memory.memories;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jumbo.memory.config.MemoryProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Each user's {@link MemoryIndex}, bounded by the total number of vectors held (least recently used users go
 * first). Every write to a user's memories takes a new {@code memory_versions} version in its transaction; a read
 * compares that version (one primary-key lookup) with the cached one and, when it moved, applies only what
 * changed since the cached change number (rows written since, tombstones of rows deleted since), so replicas
 * never serve stale vectors and a heavy user is never reloaded because of one new fact. It reloads in full when
 * there is nothing cached, when the user was erased since (the epoch changed), or when the cached index is older
 * than {@link #FULL_RELOAD_AFTER} (tombstones are kept for a week, so an older index could miss a deletion).
 *
 * <p>A refresh runs to the end even when the request that started it goes away, and requests that arrive while a
 * user's refresh is running wait for it instead of starting another. chat-service gives a recall 300 ms; a heavy
 * user's full load takes seconds, so a load cancelled with its request would be started and cancelled again on
 * every recall, and the user would never get a free-text answer from this replica.
 */
@Component
public class MemoryIndexCache {

    static final Duration FULL_RELOAD_AFTER = Duration.ofDays(1);
    /** A refresh that has not finished by then fails its waiters, so a hung query cannot hold a user's refreshes forever. */
    private static final Duration REFRESH_TIMEOUT = Duration.ofMinutes(2);

    private final MemoryRepository memories;
    private final Cache<String, MemoryIndex> cache;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, CompletableFuture<MemoryIndex>> refreshing = new ConcurrentHashMap<>();
    private final Counter fullLoads;
    private final Counter incrementalRefreshes;
    private final Counter joinedRefreshes;

    @Autowired
    public MemoryIndexCache(MemoryRepository memories, MemoryProperties properties, MeterRegistry meters) {
        this(memories, properties.recallCacheMaxVectors(), System::nanoTime, meters);
    }

    MemoryIndexCache(MemoryRepository memories, long maxVectors, LongSupplier nanoTime, MeterRegistry meters) {
        this.memories = memories;
        this.nanoTime = nanoTime;
        this.fullLoads = refreshes(meters, "full");
        this.incrementalRefreshes = refreshes(meters, "incremental");
        this.joinedRefreshes = refreshes(meters, "joined");
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxVectors)
                .weigher((String user, MemoryIndex index) -> Math.max(1, index.size()))
                .build();
    }

    public Mono<MemoryIndex> indexOf(String userId) {
        return memories.version(userId).flatMap(version -> {
            MemoryIndex cached = cache.getIfPresent(userId);
            if (cached != null && covers(cached, version)) {
                return Mono.just(cached);
            }
            // a refresh this request joined may have started before its version check: then check again
            return Mono.fromFuture(refresh(userId, version, cached), true)
                    .flatMap(fresh -> covers(fresh, version) ? Mono.just(fresh) : indexOf(userId));
        });
    }

    /** The user's running refresh, or a new one to {@code version}, detached from the request that asked for it. */
    private CompletableFuture<MemoryIndex> refresh(String userId, MemoryRepository.IndexVersion version, MemoryIndex cached) {
        CompletableFuture<MemoryIndex> mine = new CompletableFuture<>();
        CompletableFuture<MemoryIndex> running = refreshing.putIfAbsent(userId, mine);
        if (running != null) {
            joinedRefreshes.increment();
            return running;
        }
        long now = nanoTime.getAsLong();
        boolean incremental = cached != null && cached.epoch() == version.epoch()
                && now - cached.loadedAtNanos() < FULL_RELOAD_AFTER.toNanos();
        (incremental ? incrementalRefreshes : fullLoads).increment();
        MemoryIndex base = incremental ? cached : MemoryIndex.empty(version.epoch(), now);
        memories.indexChanges(userId, base.changeSeq()).collectList()
                // not on the driver's event loop: a full load of 100,000 memories builds for about a second, and
                // every other statement whose connection shares that loop would wait for it
                .publishOn(Schedulers.boundedElastic())
                .map(changes -> base.apply(version.version(), changes))
                .timeout(REFRESH_TIMEOUT)
                .subscribe(fresh -> {
                    cache.asMap().merge(userId, fresh, MemoryIndexCache::newer);
                    refreshing.remove(userId, mine);
                    mine.complete(fresh);
                }, error -> {
                    refreshing.remove(userId, mine);
                    mine.completeExceptionally(error);
                });
        return mine;
    }

    /** Versions only grow within an epoch; a new epoch means the user was erased since. */
    private static boolean covers(MemoryIndex index, MemoryRepository.IndexVersion version) {
        return index.epoch() == version.epoch() && index.version() >= version.version();
    }

    /** This replica's copy of the user's index as it is, without a version check (tests). */
    MemoryIndex cachedIndexOf(String userId) {
        return cache.getIfPresent(userId);
    }

    private static Counter refreshes(MeterRegistry meters, String kind) {
        return Counter.builder("jumbo.memory.index.refreshes")
                .description("Refreshes of a user's cached memory index: full loads, incremental refreshes, and requests that waited for a running one")
                .tag("kind", kind)
                .register(meters);
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

    /**
     * {@code work} on the user's current index and {@code input} (a query's embedding, say). The input, the version
     * check and, without a cached copy, the load all start at once: the embedding of a never-asked question takes
     * milliseconds of CPU, and the database round trip need not wait for it. {@code input} is computed once.
     */
    public <A, T> Mono<T> onCurrentIndex(String userId, Mono<A> input, BiFunction<MemoryIndex, A, Mono<T>> work) {
        Mono<A> once = input.cache();
        if (cache.getIfPresent(userId) == null) {
            return Mono.zip(indexOf(userId), once).flatMap(both -> work.apply(both.getT1(), both.getT2()));
        }
        return onCurrentIndex(userId, index -> once.flatMap(value -> work.apply(index, value)));
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
