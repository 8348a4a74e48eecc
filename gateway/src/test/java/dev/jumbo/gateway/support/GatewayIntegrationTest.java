package dev.jumbo.gateway.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of the four {@link FakeServices}. Every integration test extends
 * this and adds no configuration of its own, so Spring starts one context for the module.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
public abstract class GatewayIntegrationTest {

    @Autowired
    protected WebTestClient client;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void pointAtFakeServices(DynamicPropertyRegistry registry) {
        registry.add("JUMBO_AUTH_URL", () -> FakeServices.AUTH.url().toString());
        registry.add("JUMBO_CHAT_URL", () -> FakeServices.CHAT.url().toString());
        registry.add("JUMBO_MEMORY_URL", () -> FakeServices.MEMORY.url().toString());
        registry.add("JUMBO_MAINTENANCE_URL", () -> FakeServices.MAINTENANCE.url().toString());
    }

    @AfterEach
    void resetFakeServices() {
        FakeServices.resetAll();
    }
}
