package dev.jumbo.memory.config;

import dev.jumbo.llm.LlmClient;
import dev.jumbo.memory.extraction.FactExtraction;
import dev.jumbo.memory.extraction.FactExtractor;
import dev.jumbo.memory.extraction.LlmFactExtraction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemoryConfiguration {

    @Bean
    FactExtractor factExtractor() {
        return new FactExtractor();
    }

    /** The builtin rules, or the language model when {@code JUMBO_ENGINE} made an {@link LlmClient}. */
    @Bean
    FactExtraction factExtraction(FactExtractor builtin, ObjectProvider<LlmClient> llm) {
        LlmClient client = llm.getIfAvailable();
        return client == null ? FactExtraction.builtin(builtin) : new LlmFactExtraction(builtin, client);
    }
}
