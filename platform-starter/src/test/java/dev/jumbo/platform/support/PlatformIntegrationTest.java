package dev.jumbo.platform.support;

import dev.jumbo.platform.testapp.PlatformTestApplication;
import dev.jumbo.test.JumboIntegrationTest;
import dev.jumbo.test.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One Spring context of the chassis test service, shared by every chassis integration test. */
@JumboIntegrationTest(classes = PlatformTestApplication.class)
public abstract class PlatformIntegrationTest {

    @Autowired
    protected WebTestClient http;

    protected static String kafkaBootstrapServers() {
        return SharedInfrastructure.kafkaBootstrapServers();
    }
}
