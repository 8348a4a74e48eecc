package dev.jumbo.chat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.chat.support.ChatIntegrationTest;
import dev.jumbo.llm.LlmClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The shared default context: no JUMBO_ENGINE, no JUMBO_LLM_* — builtin engine, no model client at all. */
class BuiltinEngineByDefaultIntegrationTests extends ChatIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void shouldUseBuiltinEngineAndBuildNoModelClientWhenNothingIsConfigured() {
        assertThat(context.getBean(ConversationEngine.class)).isInstanceOf(BuiltinConversationEngine.class);
        assertThat(context.getBeanProvider(LlmClient.class).getIfAvailable()).isNull();
    }
}
