package dev.jumbo.gateway.support;

import dev.jumbo.test.TestJwks;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of the four {@link FakeServices}, trusting {@link TestJwks} and
 * keeping its rate-limit buckets in {@link GatewayRedis}. Every integration test extends this and adds no
 * configuration of its own, so Spring starts one context for the module.
 *
 * <p>The buckets are small here: {@code auth} 1/s burst 3, {@code api} 2/s burst 5. The test client is a trusted proxy here, and each test's {@link #client} sends a fresh
 * {@code X-Forwarded-For} address, so one test's anonymous requests do not drain another's per-IP bucket.
 * {@link #userToken} is a fresh user per test for the same reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
public abstract class GatewayIntegrationTest {

    public static final String ALLOWED_ORIGIN = "https://app.jumbo.test";

    @Autowired
    protected WebTestClient client;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    /** The address this test's requests come from, as the trusted proxy reports it. */
    protected String clientIp;

    protected String userId;

    /** A valid access token of {@link #userId} with role {@code user}. */
    protected String userToken;

    @DynamicPropertySource
    static void pointAtFakeServices(DynamicPropertyRegistry registry) {
        registry.add("JUMBO_AUTH_URL", () -> FakeServices.AUTH.url().toString());
        registry.add("JUMBO_CHAT_URL", () -> FakeServices.CHAT.url().toString());
        registry.add("JUMBO_MEMORY_URL", () -> FakeServices.MEMORY.url().toString());
        registry.add("JUMBO_MAINTENANCE_URL", () -> FakeServices.MAINTENANCE.url().toString());
        registry.add("JUMBO_JWKS_URI", () -> TestJwks.get().uri());
        registry.add("JUMBO_REDIS_HOST", () -> "127.0.0.1");
        registry.add("JUMBO_REDIS_PORT", () -> String.valueOf(GatewayRedis.port()));
        registry.add("JUMBO_TRUSTED_PROXIES", () -> "127.0.0.1,::1");
        registry.add("JUMBO_CORS_ALLOWED_ORIGINS", () -> ALLOWED_ORIGIN);
        // small buckets, so a test can empty one even on a slow, busy machine
        registry.add("JUMBO_RATE_LIMIT_AUTH_REPLENISH_RATE", () -> "1");
        registry.add("JUMBO_RATE_LIMIT_AUTH_BURST_CAPACITY", () -> "3");
        registry.add("JUMBO_RATE_LIMIT_API_REPLENISH_RATE", () -> "2");
        registry.add("JUMBO_RATE_LIMIT_API_BURST_CAPACITY", () -> "5");
        // a starved CPU must not pass for a Redis outage (tests stop Redis to see one; the timeout has a unit test)
        registry.add("JUMBO_RATE_LIMIT_REDIS_TIMEOUT", () -> "5s");
        registry.add("JUMBO_REDIS_COMMAND_TIMEOUT", () -> "5s");
    }

    @BeforeEach
    void useFreshClientAddressAndUser() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        clientIp = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        client = client.mutate().defaultHeader("X-Forwarded-For", clientIp).build();
        userId = UUID.randomUUID().toString();
        userToken = TestJwks.tokenFor(userId, "user");
    }

    @AfterEach
    void resetFakeServicesAndRedis() {
        FakeServices.resetAll();
        GatewayRedis.start();
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected WebTestClient asUser() {
        return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, bearer(userToken)).build();
    }

    protected WebTestClient asAdmin() {
        return client.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, bearer(TestJwks.tokenFor(userId, "user", "admin"))).build();
    }
}
