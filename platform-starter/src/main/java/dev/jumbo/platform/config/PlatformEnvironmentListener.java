package dev.jumbo.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs once the configuration files are read and before logging starts:
 * <ul>
 * <li>adds the platform defaults ({@code jumbo-platform-defaults.properties}, and JSON logs in
 * {@code staging}/{@code prod}) below everything a service or deployment sets;</li>
 * <li>stops startup, naming every one of them, when a secret listed in {@code jumbo.secrets.required} is
 * unset or blank (services list theirs in {@code application-staging.yml} / {@code application-prod.yml}).</li>
 * </ul>
 */
public class PlatformEnvironmentListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final List<String> JSON_LOG_PROFILES = List.of("staging", "prod");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        addDefaults(environment);
        requireSecrets(environment);
    }

    private static void addDefaults(ConfigurableEnvironment environment) {
        Properties defaults = load("jumbo-platform-defaults.properties");
        if (Arrays.stream(environment.getActiveProfiles()).anyMatch(JSON_LOG_PROFILES::contains)) {
            defaults.setProperty("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource("jumbo-platform-defaults", defaults));
    }

    static void requireSecrets(ConfigurableEnvironment environment) {
        List<String> required = Binder.get(environment)
                .bind("jumbo.secrets.required", Bindable.listOf(String.class)).orElse(List.of());
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingSecretsException(missing, List.of(environment.getActiveProfiles()));
        }
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (var in = new ClassPathResource(resource).getInputStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return properties;
    }

    @Override
    public int getOrder() {
        // after config data (HIGHEST_PRECEDENCE + 10), before the logging system (HIGHEST_PRECEDENCE + 20)
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }
}
