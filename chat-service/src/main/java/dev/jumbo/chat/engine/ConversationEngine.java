package dev.jumbo.chat.engine;

import dev.jumbo.chat.recall.RecallOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The two steps of a turn: {@link #summarize} reads what the user said (topics, mood), {@link #respond} writes
 * the reply from that summary, the user's name and any recalled memories. {@code builtin} is deterministic and
 * offline and answers at once ({@code Mono.just}: no thread hop); the LLM engine plugs in behind the same interface
 * and does network I/O without blocking the caller.
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

    /** A piece of a reply being written: a text fragment, or (last) the whole reply. */
    sealed interface ReplyPart {
    }

    record Fragment(String text) implements ReplyPart {
    }

    /** The reply as stored and returned in the turn; streamed fragments that disagree with it are superseded. */
    record Whole(Reply reply) implements ReplyPart {
    }

    Mono<Summary> summarize(SummaryRequest request);

    Mono<Reply> respond(ReplyRequest request);

    /** The reply as it is written. By default: the whole reply, word by word, then the reply itself. */
    default Flux<ReplyPart> respondStreaming(ReplyRequest request) {
        return respond(request).flatMapMany(ConversationEngine::wordByWord);
    }

    static Flux<ReplyPart> wordByWord(Reply reply) {
        List<ReplyPart> parts = new ArrayList<>();
        for (String fragment : fragments(reply.text())) {
            parts.add(new Fragment(fragment));
        }
        parts.add(new Whole(reply));
        return Flux.fromIterable(parts);
    }

    /**
     * Words with the space after them, so that concatenating the fragments gives the reply back (a space after
     * {@code data:} would be eaten by SSE parsers, a trailing one is kept).
     */
    static List<String> fragments(String reply) {
        List<String> fragments = new ArrayList<>();
        String[] words = reply.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            fragments.add(i == words.length - 1 ? words[i] : words[i] + " ");
        }
        return fragments;
    }
}
