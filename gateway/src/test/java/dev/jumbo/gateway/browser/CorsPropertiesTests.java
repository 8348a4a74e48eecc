package dev.jumbo.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class CorsPropertiesTests {

    @Test
    void shouldAllowNoOtherOriginWhenNoProfileAddsOne() throws Exception {
        assertThat(bind("application.yml").allowedOrigins()).isEmpty();
        assertThat(bind("application.yml", "application-prod.yml").allowedOrigins()).isEmpty();
    }

    @Test
    void shouldAllowLocalhostOriginsWhenProfileIsDev() throws Exception {
        assertThat(bind("application.yml", "application-dev.yml").allowedOrigins())
                .isNotEmpty().allSatisfy(origin -> assertThat(origin).matches("http://(localhost|127\\.0\\.0\\.1):\\d+"));
    }

    @Test
    void shouldRefuseWildcardOriginWhenConfigured() {
        assertThatThrownBy(() -> new CorsProperties(List.of("*"), List.of("GET"), List.of("Authorization"), List.of(),
                Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static CorsProperties bind(String... files) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (String file : files) {
            // later files win, as profile files do
            new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                    .forEach(source -> environment.getPropertySources().addFirst(source));
        }
        return Binder.get(environment).bindOrCreate("jumbo.gateway.cors", CorsProperties.class);
    }
}
