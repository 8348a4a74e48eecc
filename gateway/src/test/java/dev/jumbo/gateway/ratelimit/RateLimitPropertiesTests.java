package dev.jumbo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class RateLimitPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesConfiguration.class)
            .withPropertyValues("jumbo.gateway.rate-limit.auth.replenish-rate=5",
                    "jumbo.gateway.rate-limit.auth.burst-capacity=10",
                    "jumbo.gateway.rate-limit.api.replenish-rate=20",
                    "jumbo.gateway.rate-limit.api.burst-capacity=40");

    @Test
    void shouldApplyDefaultsWhenOnlyLimitsAreSet() {
        runner.run(context -> {
            RateLimitProperties properties = context.getBean(RateLimitProperties.class);
            assertThat(properties.redisTimeout()).isEqualTo(Duration.ofMillis(100));
            assertThat(properties.redisRetryInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.trustedProxies()).isEmpty();
            assertThat(properties.auth().burstCapacity()).isLessThan(properties.api().burstCapacity());
        });
    }

    @Test
    void shouldFailStartupWhenBurstIsBelowRate() {
        runner.withPropertyValues("jumbo.gateway.rate-limit.api.burst-capacity=10")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("burst-capacity"));
    }

    @Test
    void shouldFailStartupWhenTrustedProxyIsNotAnAddress() {
        runner.withPropertyValues("jumbo.gateway.rate-limit.trusted-proxies=10.0.0.0/8,ingress.local")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("ingress.local"));
    }

    @Test
    void shouldFailStartupWhenRedisTimeoutIsNotPositive() {
        runner.withPropertyValues("jumbo.gateway.rate-limit.redis-timeout=0ms")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("redis-timeout"));
    }

    @Test
    void shouldFailStartupWhenLimitIsMissing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(PropertiesConfiguration.class)
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class PropertiesConfiguration {
    }
}
