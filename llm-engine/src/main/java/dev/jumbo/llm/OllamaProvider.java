package dev.jumbo.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.ollama.management.ModelManagementOptions;
import org.springframework.ai.ollama.management.PullModelStrategy;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An Ollama server's {@code /api/chat} through Spring AI's Ollama model. Never pulls models; Spring AI's own
 * retries are off ({@link LlmClient} retries); HTTP errors keep their status and {@code Retry-After}.
 */
final class OllamaProvider extends LlmProvider {

    private final LlmProperties properties;

    OllamaProvider(LlmProperties properties, WebClient.Builder webClients) {
        super(LlmProperties.OLLAMA, OllamaChatModel.builder()
                .ollamaApi(OllamaApi.builder()
                        .baseUrl(properties.baseUrl())
                        .restClientBuilder(RestClient.builder().requestFactory(requestFactory(properties)))
                        .webClientBuilder(webClients.clone())
                        .responseErrorHandler(new StatusKeepingErrorHandler())
                        .build())
                .options(OllamaChatOptions.builder().model(properties.model()).build())
                .modelManagementOptions(ModelManagementOptions.builder()
                        .pullModelStrategy(PullModelStrategy.NEVER).build())
                .retryTemplate(new RetryTemplate(RetryPolicy.builder().maxRetries(0).build()))
                .build());
        this.properties = properties;
    }

    private static JdkClientHttpRequestFactory requestFactory(LlmProperties properties) {
        // HTTP/1.1: Ollama speaks nothing else, and an h2c upgrade attempt costs a round trip
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        return factory;
    }

    @Override
    protected ChatOptions options(LlmRequest request) {
        OllamaChatOptions.Builder options = OllamaChatOptions.builder();
        options.model(properties.model());
        options.temperature(request.json() ? 0.0 : properties.temperature());
        options.numPredict(properties.maxTokens());
        if (request.json()) {
            options.format("json");
        }
        return options.build();
    }

    private static final class StatusKeepingErrorHandler extends DefaultResponseErrorHandler {

        @Override
        public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
            throw new ProviderException(response.getStatusCode().value(),
                    RetryAfter.parse(response.getHeaders().getFirst("Retry-After")).orElse(null), null);
        }
    }
}
