package dev.jumbo.llm;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, Groq, vLLM, llama.cpp server) through Spring AI's
 * OpenAI model. The SDK's own retries are off: {@link LlmClient} retries, so that {@code Retry-After}, the
 * breaker and the metrics see every attempt.
 */
final class OpenAiProvider extends LlmProvider {

    private final LlmProperties properties;

    OpenAiProvider(LlmProperties properties) {
        super(LlmProperties.OPENAI, OpenAiChatModel.builder().options(base(properties).build()).build());
        this.properties = properties;
    }

    private static OpenAiChatOptions.Builder base(LlmProperties properties) {
        OpenAiChatOptions.Builder options = OpenAiChatOptions.builder();
        options.baseUrl(properties.baseUrl());
        // local servers (vLLM, llama.cpp) accept any key; the SDK insists on one
        options.apiKey(properties.apiKey() == null || properties.apiKey().isBlank() ? "none" : properties.apiKey());
        options.model(properties.model());
        options.maxRetries(0);
        options.timeout(properties.timeout());
        options.maxTokens(properties.maxTokens());
        options.streamUsage(true);
        return options;
    }

    @Override
    protected ChatOptions options(LlmRequest request) {
        OpenAiChatOptions.Builder options = base(properties);
        options.temperature(request.json() ? 0.0 : properties.temperature());
        if (request.json()) {
            options.responseFormat(OpenAiChatModel.ResponseFormat.builder()
                    .type(OpenAiChatModel.ResponseFormat.Type.JSON_OBJECT).build());
        }
        return options.build();
    }
}
