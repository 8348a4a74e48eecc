package dev.jumbo.memory.extraction;

import java.util.List;
import reactor.core.publisher.Mono;

/** Takes the facts out of one user message: the builtin rules, or a language model that falls back to them. */
public interface FactExtraction {

    Mono<List<Fact>> extract(String message);

    /** The builtin {@link FactExtractor}: deterministic, offline, answers at once. */
    static FactExtraction builtin(FactExtractor extractor) {
        return message -> Mono.just(extractor.extract(message));
    }
}
