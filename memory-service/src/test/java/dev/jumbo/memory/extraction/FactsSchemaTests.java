package dev.jumbo.memory.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jumbo.llm.JsonAnswerValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schema the model's facts are checked against fits the builtin extractor's facts, and reads back the same. */
class FactsSchemaTests {

    private static final FactExtractor BUILTIN = new FactExtractor();
    private static final JsonAnswerValidator SCHEMA = JsonAnswerValidator.forSchema("schemas/facts.v1.schema.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
            "My sister lives in Paris.",
            "My friends Charvik and Devansh came over.",
            "I don't work at Google anymore.",
            "I have two cats, Mochi and Pixel.",
            "I'm allergic to peanuts and my birthday is on March 3rd.",
            "My favourite movie is Spirited Away."})
    void shouldSatisfyFactsSchemaAndReadBackWhenBuiltinExtractorFindsFacts(String message) {
        List<Fact> facts = BUILTIN.extract(message);
        JsonNode tree = JSON.valueToTree(Map.of("facts", facts.stream().map(fact -> Map.of("subject", fact.subject(),
                "relation", fact.relation(), "values", fact.values(), "negated", fact.negated())).toList()));

        assertThat(facts).isNotEmpty();
        assertThatCode(() -> SCHEMA.check(tree)).doesNotThrowAnyException();
        assertThat(LlmFactExtraction.factsOf(tree)).extracting(Fact::text)
                .isEqualTo(facts.stream().map(fact -> fact.withDetail(null).text()).toList());
    }
}
