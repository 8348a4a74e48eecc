package dev.jumbo.memory.ingest;

import dev.jumbo.memory.extraction.Fact;
import dev.jumbo.memory.extraction.FactExtraction;
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

    private final FactExtraction extraction;
    private final MemoryConsolidator consolidator;
    private final MoodRepository moods;
    private final MeterRegistry meters;
    private final Map<MemoryConsolidator.Outcome, Counter> outcomes = new ConcurrentHashMap<>();

    public MessageIngestion(FactExtraction extraction, MemoryConsolidator consolidator, MoodRepository moods,
                            MeterRegistry meters) {
        this.extraction = extraction;
        this.consolidator = consolidator;
        this.moods = moods;
        this.meters = meters;
    }

    /** The message's facts; called before the consumer's transaction, as a model call may take seconds. */
    public Mono<List<Fact>> factsOf(MessageReceived message) {
        return extraction.extract(message.text());
    }

    /** Runs inside the consumer's transaction. */
    public Mono<Void> ingest(MessageReceived message, List<Fact> facts) {
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
