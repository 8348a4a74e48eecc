package dev.jumbo.memory.recall;

import dev.jumbo.memory.config.MemoryProperties;
import dev.jumbo.memory.memories.MemoryRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stamps {@code last_recalled_at} on recalled memories behind the request (ADR 0009, point 9): their ids gather
 * here and one statement per {@code jumbo.memory.recall-stamp-interval} writes them, so a recall's answer waits
 * for no write. The stamp tells maintenance which memories are still in use; it is the flush's time, at most one
 * interval after the recall, and the last interval's stamps are written on shutdown (lost only if the process dies).
 */
@Component
class RecallStamps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecallStamps.class);
    static final int MAX_PENDING = 100_000;
    private static final int BATCH = 1_000;

    private final MemoryRepository memories;
    private final Duration interval;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private volatile Disposable flushing;

    RecallStamps(MemoryRepository memories, MemoryProperties properties) {
        this.memories = memories;
        this.interval = properties.recallStampInterval();
    }

    void stamp(Collection<UUID> ids) {
        if (pending.size() < MAX_PENDING) {
            pending.addAll(ids);
        }
    }

    /** Writes every stamp gathered so far; a failed write is logged and its stamps dropped. */
    Mono<Void> flush() {
        if (pending.isEmpty()) {
            return Mono.empty();
        }
        List<UUID> batch = new ArrayList<>(pending);
        pending.removeAll(batch);
        return Flux.fromIterable(batch).buffer(BATCH)
                .concatMap(ids -> memories.touchRecalled(ids)
                        .onErrorResume(e -> {
                            log.warn("Could not stamp {} recalled memories: {}", ids.size(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    @Override
    public void start() {
        flushing = Flux.interval(interval).onBackpressureDrop().concatMap(tick -> flush()).subscribe();
    }

    @Override
    public void stop() {
        Disposable running = flushing;
        if (running != null) {
            running.dispose();
            flushing = null;
        }
        try {
            flush().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("Recall stamps not written on shutdown: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return flushing != null;
    }

    /** Stops after the web server (higher phases stop first) so the last requests' stamps are written too. */
    @Override
    public int getPhase() {
        return 0;
    }
}
