package dev.jumbo.memory;

import dev.jumbo.test.JumboIntegrationTest;
import dev.jumbo.test.ServiceConformanceTests;
import java.util.List;

@JumboIntegrationTest
class MemoryServiceConformanceIntegrationTests extends ServiceConformanceTests {

    @Override
    protected Class<?> applicationClass() {
        return MemoryServiceApplication.class;
    }

    @Override
    protected List<String> requiredProdSecrets() {
        return List.of("JUMBO_DB_HOST", "JUMBO_DB_USER", "JUMBO_DB_PASSWORD", "JUMBO_KAFKA_BOOTSTRAP_SERVERS");
    }
}
