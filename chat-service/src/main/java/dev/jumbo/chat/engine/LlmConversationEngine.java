package dev.jumbo.chat.engine;

import dev.jumbo.chat.recall.RecallOutcome;
import dev.jumbo.chat.recall.RecalledMemory;
import dev.jumbo.llm.JsonAnswerValidator;
import dev.jumbo.llm.LlmClient;
import dev.jumbo.llm.LlmRequest;
import dev.jumbo.llm.LlmUnavailableException;
import dev.jumbo.llm.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Summaries and replies written by a language model ({@code JUMBO_ENGINE=openai|ollama}). Each step falls back to
 * the builtin engine on its own when the model fails, is slow, answers invalid JSON or an answer that breaks the
 * summary schema ({@code schemas/summary.v1.schema.json}, which the builtin output also satisfies): the user always
 * gets an answer, and {@code jumbo.llm.fallbacks{step,reason}} counts it. A prompt holds only the current user's
 * own message, name, summary and memories: the engine keeps no state between calls.
 */
public class LlmConversationEngine implements ConversationEngine {

    static final String SUMMARIZE = "summarize";
    static final String RESPOND = "respond";
    static final int MAX_REPLY_CHARS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(LlmConversationEngine.class);

    private final ConversationEngine builtin;
    private final LlmClient llm;
    private final PromptTemplate summarizePrompt = PromptTemplate.load(SUMMARIZE, 1);
    private final PromptTemplate respondPrompt = PromptTemplate.load(RESPOND, 1);
    private final JsonAnswerValidator summaries = JsonAnswerValidator.forSchema("schemas/summary.v1.schema.json");

    public LlmConversationEngine(ConversationEngine builtin, LlmClient llm) {
        this.builtin = builtin;
        this.llm = llm;
    }

    @Override
    public Mono<Summary> summarize(SummaryRequest request) {
        LlmRequest call = new LlmRequest(SUMMARIZE, summarizePrompt.render(Map.of(
                "name", request.name() == null ? "unknown" : request.name(),
                "nameJustStated", yesNo(request.nameJustStated()),
                "recallQuestion", yesNo(request.recallQuestion()),
                "message", request.text())), true);
        return llm.call(call)
                .map(answer -> summaryOf(summaries.read(answer.text())))
                .onErrorResume(failure -> fallback(SUMMARIZE, failure).then(builtin.summarize(request)));
    }

    @Override
    public Mono<Reply> respond(ReplyRequest request) {
        return llm.call(replyCall(request))
                .map(answer -> new Reply(checkedReply(answer.text()), List.of()))
                .onErrorResume(failure -> fallback(RESPOND, failure).then(builtin.respond(request)));
    }

    /**
     * The model's fragments as they arrive, then the reply. If the model fails before its first fragment, the
     * builtin reply is streamed instead; if it fails midway, the turn ends with the builtin reply as its
     * {@code done} reply (the fragments already sent cannot be taken back; the turn is what is stored).
     */
    @Override
    public Flux<ReplyPart> respondStreaming(ReplyRequest request) {
        return Flux.defer(() -> {
            StringBuilder written = new StringBuilder();
            return llm.stream(replyCall(request))
                    .<ReplyPart>map(fragment -> {
                        written.append(fragment);
                        return new Fragment(fragment);
                    })
                    .concatWith(Mono.fromCallable(() -> new Whole(new Reply(checkedReply(written.toString()), List.of()))))
                    .onErrorResume(failure -> fallback(RESPOND, failure).thenMany(written.isEmpty()
                            ? builtin.respondStreaming(request)
                            : builtin.respond(request).map(Whole::new)));
        });
    }

    private LlmRequest replyCall(ReplyRequest request) {
        Summary summary = request.summary();
        return new LlmRequest(RESPOND, respondPrompt.render(Map.of(
                "name", request.name() == null ? "unknown" : request.name(),
                "nameJustStated", yesNo(request.nameJustStated()),
                "summary", summary.text(),
                "topics", summary.topics().isEmpty() ? "none" : String.join(", ", summary.topics()),
                "mood", summary.mood().label() + " (valence " + summary.mood().valence() + ")",
                "memories", memories(request))), false);
    }

    private static String memories(ReplyRequest request) {
        if (request.recall().isEmpty()) {
            return "not asked";
        }
        RecallOutcome outcome = request.recall().get();
        if (outcome instanceof RecallOutcome.Found found) {
            return found.memories().stream().map(RecalledMemory::text).collect(Collectors.joining("; "));
        }
        return outcome instanceof RecallOutcome.Unavailable ? "memory unavailable right now" : "none known";
    }

    private static String checkedReply(String text) {
        String reply = text == null ? "" : text.strip();
        if (reply.isEmpty() || reply.length() > MAX_REPLY_CHARS) {
            throw new JsonAnswerValidator.InvalidAnswerException("invalid-answer",
                    reply.isEmpty() ? "empty reply" : "reply longer than " + MAX_REPLY_CHARS + " characters");
        }
        return reply;
    }

    private static Summary summaryOf(JsonNode tree) {
        List<String> topics = new ArrayList<>();
        tree.get("topics").forEach(topic -> topics.add(topic.asString()));
        JsonNode mood = tree.get("mood");
        List<String> emotions = new ArrayList<>();
        mood.get("emotions").forEach(emotion -> emotions.add(emotion.asString().strip()));
        return new Summary(tree.get("text").asString().strip(), topics,
                new Mood(mood.get("label").asString().strip(), mood.get("valence").asDouble(), emotions));
    }

    private Mono<Void> fallback(String step, Throwable failure) {
        String reason = failure instanceof LlmUnavailableException unavailable ? unavailable.reason()
                : failure instanceof JsonAnswerValidator.InvalidAnswerException invalid ? invalid.reason() : "error";
        if (!(failure instanceof LlmUnavailableException)) {
            log.warn("LLM {} answer not used ({}): {}", step, reason, failure.getMessage());
        }
        llm.metrics().fallback(step, reason);
        return Mono.empty();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
