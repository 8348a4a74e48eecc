package dev.jumbo.memory.extraction;

import dev.jumbo.llm.JsonAnswerValidator;
import dev.jumbo.llm.LlmClient;
import dev.jumbo.llm.LlmRequest;
import dev.jumbo.llm.LlmUnavailableException;
import dev.jumbo.llm.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Facts written by a language model ({@code JUMBO_ENGINE=openai|ollama}) in the builtin extractor's shape
 * ({@code schemas/facts.v1.schema.json}), each mapped onto a {@link Relations} spec, so they go through the same
 * consolidation. An answer that fails, is late, is not JSON, breaks the schema or names a subject no spec knows is
 * not used at all: the builtin extractor answers instead, counted in {@code jumbo.llm.fallbacks{step=extract-facts}}.
 * The prompt holds the one message being read, nothing else.
 */
public class LlmFactExtraction implements FactExtraction {

    static final String STEP = "extract-facts";

    private static final Logger log = LoggerFactory.getLogger(LlmFactExtraction.class);
    private static final Pattern KNOWN_SUBJECT = Pattern.compile(
            "(?:" + Subjects.PERSON_WORDS + "|" + Subjects.PET_WORDS + ")", Pattern.CASE_INSENSITIVE);

    private final FactExtractor builtin;
    private final LlmClient llm;
    private final PromptTemplate prompt = PromptTemplate.load(STEP, 1);
    private final JsonAnswerValidator schema = JsonAnswerValidator.forSchema("schemas/facts.v1.schema.json");

    public LlmFactExtraction(FactExtractor builtin, LlmClient llm) {
        this.builtin = builtin;
        this.llm = llm;
    }

    @Override
    public Mono<List<Fact>> extract(String message) {
        return llm.call(new LlmRequest(STEP, prompt.render(Map.of("message", message)), true))
                .map(answer -> factsOf(schema.read(answer.text())))
                .onErrorResume(failure -> {
                    String reason = failure instanceof LlmUnavailableException unavailable ? unavailable.reason()
                            : failure instanceof JsonAnswerValidator.InvalidAnswerException invalid ? invalid.reason()
                            : "error";
                    if (!(failure instanceof LlmUnavailableException)) {
                        log.warn("LLM {} answer not used ({}): {}", STEP, reason, failure.getMessage());
                    }
                    llm.metrics().fallback(STEP, reason);
                    return Mono.fromCallable(() -> builtin.extract(message));
                });
    }

    static List<Fact> factsOf(JsonNode tree) {
        List<Fact> facts = new ArrayList<>();
        for (JsonNode node : tree.get("facts")) {
            String subject = subjectOf(node.get("subject").asString());
            String relation = node.get("relation").asString();
            List<String> values = new ArrayList<>();
            node.get("values").forEach(value -> values.add(value.asString().strip()));
            Fact fact = Fact.of(subject, relation, values);
            boolean negated = node.has("negated") && node.get("negated").asBoolean();
            facts.add(negated ? fact.negate() : fact);
        }
        return facts;
    }

    /** The canonical subject ("sisters" → sister), or an invalid answer when no {@link Relations} spec knows it. */
    private static String subjectOf(String raw) {
        String subject = Subjects.canonical(raw);
        if (Relations.USER.equals(subject) || "pets".equals(subject)
                || (subject.startsWith("favourite ") && subject.length() > "favourite ".length())
                || KNOWN_SUBJECT.matcher(subject).matches()) {
            return subject;
        }
        throw new JsonAnswerValidator.InvalidAnswerException("invalid-answer", "unknown subject '" + raw + "'");
    }
}
