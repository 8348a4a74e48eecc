package dev.jumbo.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LlmAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LlmAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void shouldBuildNoClientWhenNothingIsConfigured() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(LlmClient.class);
            assertThat(context.getBean(LlmProperties.class).engine()).isEqualTo("builtin");
        });
    }

    @Test
    void shouldBuildOpenAiClientWhenEngineIsOpenAi() {
        runner.withPropertyValues("jumbo.llm.engine=openai", "jumbo.llm.base-url=http://localhost:1/v1",
                        "jumbo.llm.model=m")
                .run(context -> assertThat(context.getBean(LlmClient.class).provider()).isEqualTo("openai"));
    }

    @Test
    void shouldBuildOllamaClientWhenEngineIsOllama() {
        runner.withPropertyValues("jumbo.llm.engine=Ollama", "jumbo.llm.base-url=http://localhost:1", "jumbo.llm.model=m")
                .run(context -> assertThat(context.getBean(LlmClient.class).provider()).isEqualTo("ollama"));
    }

    @Test
    void shouldRefuseToStartWhenEngineIsUnknown() {
        runner.withPropertyValues("jumbo.llm.engine=gpt").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void shouldRefuseToStartWhenModelEngineLacksBaseUrlOrModel() {
        runner.withPropertyValues("jumbo.llm.engine=openai", "jumbo.llm.model=m")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("jumbo.llm.engine=ollama", "jumbo.llm.base-url=http://localhost:1")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void shouldRefuseToStartWhenPromptLoggingIsOnInProd() {
        runner.withPropertyValues("jumbo.llm.engine=openai", "jumbo.llm.base-url=http://localhost:1/v1",
                        "jumbo.llm.model=m", "jumbo.llm.log-prompts=true", "spring.profiles.active=prod")
                .run(context -> assertThat(context).hasFailed());
    }
}
