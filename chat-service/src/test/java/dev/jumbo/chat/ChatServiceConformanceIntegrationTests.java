package dev.jumbo.chat;

import dev.jumbo.test.JumboIntegrationTest;
import dev.jumbo.test.ServiceConformanceTests;
import java.util.List;

@JumboIntegrationTest
class ChatServiceConformanceIntegrationTests extends ServiceConformanceTests {

    @Override
    protected Class<?> applicationClass() {
        return ChatServiceApplication.class;
    }

    @Override
    protected List<String> requiredProdSecrets() {
        return List.of("JUMBO_DB_HOST", "JUMBO_DB_USER", "JUMBO_DB_PASSWORD", "JUMBO_KAFKA_BOOTSTRAP_SERVERS");
    }
}
