package dev.jumbo.memory.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jumbo.memory.config.MemoryProperties;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * all-MiniLM-L6-v2 (384 dimensions) in-process, from the model inside its Maven jar. Loading takes about two
 * seconds, so it starts on its own thread when the service starts; inference (a few ms) runs on
 * boundedElastic, never on the event loop. Vectors are L2-normalised: cosine similarity is a dot product.
 */
@Component
public class SentenceEmbedder {

    public static final int DIMENSIONS = 384;
    private static final Logger log = LoggerFactory.getLogger(SentenceEmbedder.class);

    private final CompletableFuture<EmbeddingModel> model;
    // questions and search queries repeat ("Do you remember my friends?"): their vectors are worth keeping
    private final Cache<String, float[]> queries = Caffeine.newBuilder().maximumSize(10_000).build();

    @Autowired
    public SentenceEmbedder(MemoryProperties properties) {
        this(properties.embeddingThreads(), properties.embeddingSpinning());
    }

    /** {@code threads} ONNX Runtime intra-op threads per embedding; {@code spinning}: whether they spin between runs. */
    public SentenceEmbedder(int threads, boolean spinning) {
        model = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            EmbeddingModel loaded = new MiniLmSession(threads, spinning);
            loaded.embed("warm up");
            log.info("Sentence embedding model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return loaded;
        }, runnable -> {
            Thread thread = new Thread(runnable, "embedding-model-loader");
            thread.setDaemon(true);
            thread.start();
        });
    }

    public boolean isLoaded() {
        return model.isDone() && !model.isCompletedExceptionally();
    }

    /** The normalised embedding of {@code text}, computed off the event loop. */
    public Mono<float[]> embed(String text) {
        return Mono.fromCallable(() -> embedNow(text)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Like {@link #embed} for short texts that repeat (questions, search queries): served from a bounded cache. */
    public Mono<float[]> embedQuery(String text) {
        float[] cached = queries.getIfPresent(text);
        return cached != null ? Mono.just(cached) : embed(text).doOnNext(vector -> queries.put(text, vector));
    }

    /** Blocking variant for threads where blocking is allowed (Kafka listeners, benchmarks). */
    public float[] embedNow(String text) {
        try {
            float[] vector = model.get().embed(text).content().vector();
            return Vectors.normalised(vector);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the embedding model", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The embedding model could not be loaded", e.getCause());
        }
    }
}
