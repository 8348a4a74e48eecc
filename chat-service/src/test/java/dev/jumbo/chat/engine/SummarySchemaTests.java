package dev.jumbo.chat.engine;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jumbo.chat.mood.MoodAnalyzer;
import dev.jumbo.chat.mood.MoodModel;
import dev.jumbo.chat.topic.TopicDetector;
import dev.jumbo.llm.JsonAnswerValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The schema the LLM engine's summaries are checked against is the builtin engine's output shape. */
class SummarySchemaTests {

    private static final BuiltinConversationEngine BUILTIN =
            new BuiltinConversationEngine(new MoodAnalyzer(MoodModel.load()), new TopicDetector());
    private static final JsonAnswerValidator SCHEMA = JsonAnswerValidator.forSchema("schemas/summary.v1.schema.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
            "It's been a long week at work but I finally shipped the project.",
            "My friends Charvik and Devansh came over, I'm tired but proud.",
            "Do you remember my sister?",
            "ok",
            "My mom is sick, my boss yelled at me, rent is due and I failed my exam; also my dog ran off at the gym."})
    void shouldSatisfySummarySchemaWhenBuiltinEngineSummarises(String message) {
        Summary summary = BUILTIN.summaryOf(new ConversationEngine.SummaryRequest(message, null, false, false));

        assertThatCode(() -> SCHEMA.check(JSON.valueToTree(summary))).doesNotThrowAnyException();
    }
}
