package dev.jumbo.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A WireMock server (in-process, dynamic port) speaking the OpenAI chat-completions API ({@code /v1/chat/completions},
 * plain JSON and {@code stream: true} server-sent events) and Ollama's {@code /api/chat} (plain and NDJSON).
 */
public final class FakeProvider implements AutoCloseable {

    public static final String OPENAI_PATH = "/v1/chat/completions";
    public static final String OLLAMA_PATH = "/api/chat";

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    public FakeProvider() {
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public String openAiBaseUrl() {
        return server.baseUrl() + "/v1";
    }

    public String ollamaBaseUrl() {
        return server.baseUrl();
    }

    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }

    public static ResponseDefinitionBuilder openAiAnswer(String content, int promptTokens, int completionTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"test-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop","logprobs":null}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(quote(content), promptTokens, completionTokens, promptTokens + completionTokens));
    }

    public static ResponseDefinitionBuilder openAiStream(List<String> fragments, int promptTokens, int completionTokens) {
        String chunks = fragments.stream().map(fragment -> "data: " + """
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"test-model",\
                "choices":[{"index":0,"delta":{"role":"assistant","content":%s},"finish_reason":null}]}"""
                .formatted(quote(fragment)) + "\n\n").collect(Collectors.joining());
        String last = "data: " + """
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"test-model",\
                "choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""" + "\n\n"
                + "data: " + """
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"test-model",\
                "choices":[],"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(promptTokens, completionTokens, promptTokens + completionTokens) + "\n\n"
                + "data: [DONE]\n\n";
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(chunks + last);
    }

    /** A stream that sends {@code fragments}, then a chunk that is not JSON: the provider broke mid-answer. */
    public static ResponseDefinitionBuilder openAiStreamBreakingAfter(List<String> fragments) {
        String chunks = fragments.stream().map(fragment -> "data: " + """
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"test-model",\
                "choices":[{"index":0,"delta":{"role":"assistant","content":%s},"finish_reason":null}]}"""
                .formatted(quote(fragment)) + "\n\n").collect(Collectors.joining());
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(chunks + "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\n\n");
    }

    public static ResponseDefinitionBuilder ollamaAnswer(String content, int promptTokens, int completionTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"model":"test-model","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":%s},
                 "done":true,"done_reason":"stop","total_duration":1000,"load_duration":10,"prompt_eval_count":%d,
                 "prompt_eval_duration":100,"eval_count":%d,"eval_duration":100}"""
                .formatted(quote(content), promptTokens, completionTokens));
    }

    public static ResponseDefinitionBuilder ollamaStream(List<String> fragments, int promptTokens, int completionTokens) {
        String lines = fragments.stream().map(fragment -> """
                {"model":"test-model","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":%s},"done":false}"""
                .formatted(quote(fragment)) + "\n").collect(Collectors.joining());
        String last = """
                {"model":"test-model","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":""},\
                "done":true,"done_reason":"stop","total_duration":1000,"load_duration":10,"prompt_eval_count":%d,\
                "prompt_eval_duration":100,"eval_count":%d,"eval_duration":100}"""
                .formatted(promptTokens, completionTokens) + "\n";
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson").withBody(lines + last);
    }

    public void stubOpenAi(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(response));
    }

    public void stubOllama(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(OLLAMA_PATH)).willReturn(response));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
