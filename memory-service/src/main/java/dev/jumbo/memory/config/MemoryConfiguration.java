package dev.jumbo.memory.config;

import dev.jumbo.memory.extraction.FactExtractor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemoryConfiguration {

    @Bean
    FactExtractor factExtractor() {
        return new FactExtractor();
    }
}
