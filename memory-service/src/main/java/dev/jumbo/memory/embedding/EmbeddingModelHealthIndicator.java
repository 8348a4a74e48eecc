package dev.jumbo.memory.embedding;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports whether the sentence embedding model has finished loading. */
@Component("embeddingModel")
class EmbeddingModelHealthIndicator implements HealthIndicator {

    private final SentenceEmbedder embedder;

    EmbeddingModelHealthIndicator(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public Health health() {
        return embedder.isLoaded() ? Health.up().build() : Health.unknown().withDetail("loading", true).build();
    }
}
