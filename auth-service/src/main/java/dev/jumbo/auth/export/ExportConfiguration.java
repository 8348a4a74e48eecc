package dev.jumbo.auth.export;

import dev.jumbo.auth.profile.ProfileService;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    @Bean
    CircuitBreakerRegistry exportCircuitBreakers(ExportProperties properties) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slowCallDurationThreshold(properties.timeout())
                .minimumNumberOfCalls(properties.minimumCalls())
                .slidingWindowSize(Math.max(properties.minimumCalls(), 20))
                .waitDurationInOpenState(properties.openFor())
                .build());
    }

    @Bean
    ExportService exportService(ProfileService profiles, ExportProperties properties, CircuitBreakerRegistry breakers,
                                WebClient.Builder webClients, Clock clock) {
        WebClient.Builder builder = webClients.clone().codecs(codecs ->
                codecs.defaultCodecs().maxInMemorySize((int) Math.min(Integer.MAX_VALUE, properties.maxPartSize().toBytes())));
        TimeLimiter timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).build());
        ExportSource chat = new ExportSource("chat", builder.clone().baseUrl(properties.chatUrl()).build(),
                timeLimiter, breakers.circuitBreaker("export-chat"));
        ExportSource memory = new ExportSource("memory", builder.clone().baseUrl(properties.memoryUrl()).build(),
                timeLimiter, breakers.circuitBreaker("export-memory"));
        return new ExportService(profiles, chat, memory, clock);
    }
}
