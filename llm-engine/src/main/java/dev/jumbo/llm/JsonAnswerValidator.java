package dev.jumbo.llm;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a model's structured answer against a JSON Schema (draft 2020-12) kept on the classpath — the same
 * schema the builtin engine's output is tested against. Models sometimes wrap JSON in a Markdown fence or a
 * sentence; the object itself is taken from between the first {@code &#123;} and the last {@code &#125;}.
 */
public final class JsonAnswerValidator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String location;
    private final Schema schema;

    private JsonAnswerValidator(String location, Schema schema) {
        this.location = location;
        this.schema = schema;
    }

    public static JsonAnswerValidator forSchema(String classpathLocation) {
        try (InputStream in = JsonAnswerValidator.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException("JSON schema " + classpathLocation + " is missing");
            }
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            return new JsonAnswerValidator(classpathLocation, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer as a JSON tree; {@link InvalidAnswerException} ({@code invalid-json} / {@code invalid-answer}) if not valid. */
    public JsonNode read(String answer) {
        JsonNode tree = parse(answer);
        return check(tree);
    }

    /** Validates a tree that is already parsed (the builtin engine's output, in tests). */
    public JsonNode check(JsonNode tree) {
        List<Error> errors = schema.validate(tree);
        if (!errors.isEmpty()) {
            throw new InvalidAnswerException("invalid-answer", "does not match " + location + ": "
                    + errors.stream().limit(5).map(Error::toString).collect(Collectors.joining("; ")));
        }
        return tree;
    }

    private static JsonNode parse(String answer) {
        if (answer == null) {
            throw new InvalidAnswerException("invalid-json", "no answer");
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new InvalidAnswerException("invalid-json", "no JSON object in the answer");
        }
        try {
            return JSON.readTree(answer.substring(start, end + 1));
        } catch (JacksonException e) {
            throw new InvalidAnswerException("invalid-json", "unparsable JSON: " + e.getOriginalMessage());
        }
    }

    /** The answer was not the JSON asked for; {@link #reason()} is the {@code jumbo.llm.fallbacks} reason tag. */
    public static class InvalidAnswerException extends RuntimeException {

        private final String reason;

        public InvalidAnswerException(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
