package dev.jumbo.auth.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The parts of auth-service's test environment that every test context of this module shares (registered in
 * {@code META-INF/spring.factories}, so the conformance test and the feature tests keep ONE Spring context):
 * stub chat-service and memory-service for the export, an admin email that exists only in this run, and a test
 * client that can read a full Prometheus scrape.
 */
public final class AuthTestEnvironment implements ContextCustomizerFactory {

    public static final DownstreamStub CHAT = new DownstreamStub();
    public static final DownstreamStub MEMORY = new DownstreamStub();
    public static final String ADMIN_EMAIL = "admin-" + UUID.randomUUID() + "@Example.org";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new Customizer();
    }

    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("auth-test-environment", Map.of(
                    "JUMBO_CHAT_URL", CHAT.url(),
                    "JUMBO_MEMORY_URL", MEMORY.url(),
                    // the first requests after start share two cores with the starting Kafka clients
                    "spring.test.webtestclient.timeout", "30s",
                    "JUMBO_ADMIN_EMAILS", "someone-else@example.org, " + ADMIN_EMAIL.toUpperCase())));
            // The chassis' 64 KiB codec limit is for request bodies the service reads; the test client also reads
            // the Prometheus scrape, which is larger once Kafka consumer metrics are in it.
            context.getBeanFactory().registerSingleton("scrapeSizedWebTestClient", (WebTestClientBuilderCustomizer)
                    builder -> builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)));
        }
    }
}
