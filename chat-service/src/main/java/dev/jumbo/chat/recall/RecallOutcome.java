package dev.jumbo.chat.recall;

import java.util.List;

/** What asking memory-service gave: memories best first, none, or no answer in time. */
public sealed interface RecallOutcome {

    record Found(List<RecalledMemory> memories) implements RecallOutcome {
    }

    record NothingKnown() implements RecallOutcome {
    }

    record Unavailable(String reason) implements RecallOutcome {
    }
}
