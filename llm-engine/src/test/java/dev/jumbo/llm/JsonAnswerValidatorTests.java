package dev.jumbo.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonAnswerValidatorTests {

    private final JsonAnswerValidator validator = JsonAnswerValidator.forSchema("schemas/echo.schema.json");

    @Test
    void shouldReadObjectWhenModelWrapsItInMarkdownFence() {
        assertThat(validator.read("Sure!\n```json\n{\"text\": \"hi\"}\n```").get("text").asString()).isEqualTo("hi");
    }

    @Test
    void shouldRejectAsInvalidJsonWhenAnswerIsNotJson() {
        assertThatThrownBy(() -> validator.read("{\"text\": \"hi\""))
                .isInstanceOfSatisfying(JsonAnswerValidator.InvalidAnswerException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid-json"));
        assertThatThrownBy(() -> validator.read("I feel fine"))
                .isInstanceOfSatisfying(JsonAnswerValidator.InvalidAnswerException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid-json"));
    }

    @Test
    void shouldRejectAsInvalidAnswerWhenJsonBreaksSchema() {
        assertThatThrownBy(() -> validator.read("{\"text\": \"far too long for this little schema\"}"))
                .isInstanceOfSatisfying(JsonAnswerValidator.InvalidAnswerException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid-answer"));
        assertThatThrownBy(() -> validator.read("{\"words\": 3}"))
                .isInstanceOfSatisfying(JsonAnswerValidator.InvalidAnswerException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid-answer"));
    }

    @Test
    void shouldFillVariablesAndKeepJsonBracesWhenPromptIsRendered() {
        PromptTemplate.RenderedPrompt prompt = PromptTemplate.load("echo", 2)
                .render(Map.of("name", "Ada", "message", "Hi $1 {{not}}"));

        assertThat(prompt.id()).isEqualTo("echo.v2");
        assertThat(prompt.system()).isEqualTo("You answer Ada in JSON like {\"text\": \"...\"}.");
        assertThat(prompt.user()).isEqualTo("Hi $1 {{not}}");
    }
}
