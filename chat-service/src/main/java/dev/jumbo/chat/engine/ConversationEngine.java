package dev.jumbo.chat.engine;

import dev.jumbo.chat.recall.RecallOutcome;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The two steps of a turn: {@link #summarize} reads what the user said (topics, mood), {@link #respond} writes
 * the reply from that summary, the user's name and any recalled memories. {@code builtin} is deterministic and
 * offline; an LLM engine plugs in behind the same interface.
 */
public interface ConversationEngine {

    /** What the engine knows when summarising: the text, the user's name (if known) and what happened to it. */
    record SummaryRequest(String text, String name, boolean nameJustStated, boolean recallQuestion) {
    }

    /**
     * What the engine knows when replying.
     *
     * @param messageId       the user message's id: seeds the choice among phrasings, so replies are reproducible
     * @param usedSentences   sentences already said in this conversation (never said again)
     * @param recall          the memories recalled for a memory question, empty otherwise
     */
    record ReplyRequest(UUID messageId, String text, Summary summary, String name, boolean nameJustStated,
                        Optional<RecallOutcome> recall, Set<String> usedSentences) {
    }

    /** The reply and the sentences it is made of (remembered per conversation). */
    record Reply(String text, java.util.List<String> sentences) {
    }

    Summary summarize(SummaryRequest request);

    Reply respond(ReplyRequest request);
}
