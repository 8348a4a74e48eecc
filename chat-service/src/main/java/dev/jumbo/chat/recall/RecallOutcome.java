package dev.jumbo.chat.recall;

import java.util.List;

/** What asking memory-service gave: memories best first, none, or no answer in time. */
public sealed interface RecallOutcome {

    record Found(List<RecalledMemory> memories) implements RecallOutcome {

        /**
         * Whether memory-service answered by subject and relation (confidence 0.85 or 0.95) rather than by likeness
         * of meaning (the cosine, mostly 0.5–0.7): "Where is Paris?" may be like "User's sister lives in Paris"
         * without asking about her.
         */
        public boolean byWhatWasAsked() {
            Double best = memories.get(0).confidence();
            return best != null && best >= 0.85;
        }
    }

    record NothingKnown() implements RecallOutcome {
    }

    record Unavailable(String reason) implements RecallOutcome {
    }
}
