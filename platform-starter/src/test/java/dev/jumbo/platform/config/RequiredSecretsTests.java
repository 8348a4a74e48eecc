package dev.jumbo.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class RequiredSecretsTests {

    @Test
    void shouldNameEveryMissingSecretWhenSomeAreUnset() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("jumbo.secrets.required[0]", "JUMBO_DB_PASSWORD")
                .withProperty("jumbo.secrets.required[1]", "JUMBO_JWT_SIGNING_KEYS")
                .withProperty("jumbo.secrets.required[2]", "JUMBO_KAFKA_BOOTSTRAP_SERVERS")
                .withProperty("JUMBO_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .withProperty("JUMBO_JWT_SIGNING_KEYS", "  ");
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> PlatformEnvironmentListener.requireSecrets(environment))
                .isInstanceOf(MissingSecretsException.class)
                .hasMessage("Missing required secrets for profile(s) prod: JUMBO_DB_PASSWORD, JUMBO_JWT_SIGNING_KEYS");
    }

    @Test
    void shouldPassWhenEveryRequiredSecretIsSet() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("jumbo.secrets.required", "A_SECRET")
                .withProperty("A_SECRET", "value");
        PlatformEnvironmentListener.requireSecrets(environment);
        assertThat(environment.getProperty("A_SECRET")).isEqualTo("value");
    }

    @Test
    void shouldRefuseToStartWhenApplicationLacksSecrets() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(EmptyConfiguration.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .properties("jumbo.secrets.required=FIRST_MISSING_SECRET,SECOND_MISSING_SECRET");

        assertThatThrownBy(application::run)
                .isInstanceOf(MissingSecretsException.class)
                .hasMessageContaining("FIRST_MISSING_SECRET, SECOND_MISSING_SECRET");
    }

    @SpringBootConfiguration
    static class EmptyConfiguration {
    }
}
