package dev.jumbo.memory.ingest;

import dev.jumbo.memory.extraction.Fact;
import dev.jumbo.memory.extraction.FactExtractor;
import dev.jumbo.memory.memories.MemoryConsolidator;
import dev.jumbo.memory.mood.MoodEntry;
import dev.jumbo.memory.mood.MoodRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What one user message leaves behind: its facts consolidated into memories and its mood entry. */
@Component
public class MessageIngestion {

    private final FactExtractor extractor;
    private final MemoryConsolidator consolidator;
    private final MoodRepository moods;
    private final MeterRegistry meters;
    private final Map<MemoryConsolidator.Outcome, Counter> outcomes = new ConcurrentHashMap<>();

    public MessageIngestion(FactExtractor extractor, MemoryConsolidator consolidator, MoodRepository moods,
                            MeterRegistry meters) {
        this.extractor = extractor;
        this.consolidator = consolidator;
        this.moods = moods;
        this.meters = meters;
    }

    /** Runs inside the consumer's transaction. */
    public Mono<Void> ingest(MessageReceived message) {
        List<Fact> facts = extractor.extract(message.text());
        Mono<Void> mood = message.summary() == null || message.summary().mood() == null ? Mono.empty()
                : moods.record(message.userId(), message.messageId(), new MoodEntry(message.receivedAt(),
                        message.summary().mood().label(), message.summary().mood().valence(),
                        message.summary().mood().emotions() == null ? List.of() : message.summary().mood().emotions()));
        return consolidator.consolidate(message.userId(), message.messageId(), facts)
                .doOnNext(results -> results.forEach(outcome -> outcomes.computeIfAbsent(outcome, o ->
                        Counter.builder("jumbo.memory.facts").tag("outcome", o.name().toLowerCase())
                                .description("Extracted facts by consolidation outcome").register(meters)).increment()))
                .then(mood);
    }
}
