package dev.jumbo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class JumboGatewayPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesConfiguration.class);

    @Test
    void shouldApplyDefaultsWhenOnlyServiceUrlsAreSet() {
        runner.withPropertyValues(serviceUrls()).run(context -> {
            JumboGatewayProperties properties = context.getBean(JumboGatewayProperties.class);
            assertThat(properties.services().byName()).containsOnlyKeys("auth", "chat", "memory", "maintenance");
            assertThat(properties.services().memory()).isEqualTo(URI.create("http://memory:8083"));
            assertThat(properties.healthTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.maxRequestBodySize()).isEqualTo(DataSize.ofKilobytes(64));
        });
    }

    @Test
    void shouldFailStartupWhenServiceUrlIsMissing() {
        runner.withPropertyValues("jumbo.gateway.services.auth=http://auth:8081",
                        "jumbo.gateway.services.chat=http://chat:8082")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("services.memory"));
    }

    @Test
    void shouldFailStartupWhenHealthTimeoutIsNotPositive() {
        runner.withPropertyValues(serviceUrls()).withPropertyValues("jumbo.gateway.health-timeout=0s")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("health-timeout"));
    }

    private static String[] serviceUrls() {
        return new String[] {"jumbo.gateway.services.auth=http://auth:8081",
                "jumbo.gateway.services.chat=http://chat:8082", "jumbo.gateway.services.memory=http://memory:8083",
                "jumbo.gateway.services.maintenance=http://maintenance:8084"};
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JumboGatewayProperties.class)
    static class PropertiesConfiguration {
    }
}
