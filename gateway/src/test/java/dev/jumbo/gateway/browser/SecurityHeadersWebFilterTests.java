package dev.jumbo.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;

class SecurityHeadersWebFilterTests {

    @Test
    void shouldSendHstsWhenEnabled() {
        HttpHeaders headers = new HttpHeaders();

        new SecurityHeadersWebFilter(properties(true)).write(headers);

        assertThat(headers.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void shouldDropHstsOfServiceWhenDisabled() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Strict-Transport-Security", "max-age=1");
        headers.set("X-Frame-Options", "SAMEORIGIN");

        new SecurityHeadersWebFilter(properties(false)).write(headers);

        assertThat(headers.containsHeader("Strict-Transport-Security")).isFalse();
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void shouldEnableHstsOnlyWhenProfileIsProd() throws Exception {
        assertThat(bind("application-prod.yml").hsts()).isTrue();
        assertThat(bind("application.yml").hsts()).isFalse();
    }

    private static SecurityHeadersProperties bind(String file) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return Binder.get(environment).bindOrCreate("jumbo.gateway.security-headers", SecurityHeadersProperties.class);
    }

    private static SecurityHeadersProperties properties(boolean hsts) {
        return new SecurityHeadersProperties("default-src 'self'", "no-referrer", "DENY", hsts,
                "max-age=31536000; includeSubDomains");
    }
}
