package dev.jumbo.llm;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Binds and validates {@code jumbo.llm.*} always (a typo in {@code JUMBO_ENGINE} stops startup), and builds the
 * {@link LlmClient} only when {@code JUMBO_ENGINE} is {@code openai} or {@code ollama}: with {@code builtin}
 * no model class is touched and nothing needs configuring. Spring AI's own Boot auto-configuration is not on
 * the classpath; the models are built here from our properties.
 */
@AutoConfiguration
@EnableConfigurationProperties(LlmProperties.class)
public class LlmAutoConfiguration {

    @Bean
    @ConditionalOnExpression("!'${jumbo.llm.engine:builtin}'.trim().equalsIgnoreCase('builtin')")
    LlmClient llmClient(LlmProperties properties, MeterRegistry meters, ObjectProvider<WebClient.Builder> webClients,
                        Environment environment) {
        if (properties.logPrompts() && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("jumbo.llm.log-prompts must be off in prod: prompts carry users' words");
        }
        LlmProvider provider = LlmProperties.OLLAMA.equals(properties.engine())
                ? new OllamaProvider(properties, webClients.getIfAvailable(WebClient::builder))
                : new OpenAiProvider(properties);
        return new LlmClient(provider, properties, new LlmMetrics(meters, provider.name()),
                LlmGuards.create(properties, meters));
    }
}
