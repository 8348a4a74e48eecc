package dev.jumbo.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt kept as a versioned resource file, {@code prompts/<name>.v<version>.txt}: the system part, a line
 * {@code ---- user ----}, then the user part. {@code {{variable}}} placeholders are filled in; everything else
 * (JSON examples with braces included) is taken literally. A changed prompt is a new file with a new version,
 * so a metric or log line names exactly which text produced an answer.
 */
public final class PromptTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*}}");
    private static final String USER_MARK = "---- user ----";

    private final String name;
    private final int version;
    private final String system;
    private final String user;

    private PromptTemplate(String name, int version, String system, String user) {
        this.name = name;
        this.version = version;
        this.system = system;
        this.user = user;
    }

    /** Loads {@code prompts/<name>.v<version>.txt} from the classpath; fails at startup when it is missing. */
    public static PromptTemplate load(String name, int version) {
        String path = "prompts/" + name + ".v" + version + ".txt";
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Prompt resource " + path + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int mark = text.indexOf(USER_MARK);
            if (mark < 0) {
                throw new IllegalStateException("Prompt resource " + path + " lacks the line '" + USER_MARK + "'");
            }
            return new PromptTemplate(name, version, text.substring(0, mark).strip(),
                    text.substring(mark + USER_MARK.length()).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code summarize.v1}: the tag metrics and logs carry. */
    public String id() {
        return name + ".v" + version;
    }

    public String name() {
        return name;
    }

    public RenderedPrompt render(Map<String, String> variables) {
        return new RenderedPrompt(id(), fill(system, variables), fill(user, variables));
    }

    private String fill(String template, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Prompt " + id() + " needs variable " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A prompt ready to send: its id ({@code summarize.v1}), the system message and the user message. */
    public record RenderedPrompt(String id, String system, String user) {
    }
}
