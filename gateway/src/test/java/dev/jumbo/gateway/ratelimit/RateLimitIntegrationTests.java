package dev.jumbo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.gateway.support.FakeServices;
import dev.jumbo.gateway.support.GatewayIntegrationTest;
import dev.jumbo.gateway.support.GatewayRedis;
import dev.jumbo.test.TestJwks;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class RateLimitIntegrationTests extends GatewayIntegrationTest {

    // as GatewayIntegrationTest configures them: stricter on auth, per IP; per user elsewhere
    private static final RateLimitPolicy AUTH = new RateLimitPolicy("auth", 1, 3);
    private static final RateLimitPolicy API = new RateLimitPolicy("api", 2, 5);

    @Test
    void shouldAnswerTooManyRequestsProblemWhenUserExceedsBurst() {
        Burst burst = burst(100, (web, i) -> web.get().uri("/api/v1/chat/greeting").headers(this::asThisUser));

        burst.expectLimitedTo(API);
        ResponseEntity<String> limited = burst.firstLimited();
        assertThat(limited.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(limited.getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.getBody()).contains("\"status\":429", "https://jumbo.dev/problems/rate-limited");
        assertThat(FakeServices.CHAT.received()).as("limited requests never reach the service").hasSize(burst.allowed());
    }

    @Test
    void shouldCountRemainingDownWhenRequestsAreAllowed() {
        long first = remaining(asUser().get().uri("/api/v1/memories").exchange());
        long second = remaining(asUser().get().uri("/api/v1/memories").exchange());

        assertThat(first).isEqualTo(API.burstCapacity() - 1);
        assertThat(second).as("one token taken, at most what refilled in between added").isLessThanOrEqualTo(first);
    }

    @Test
    void shouldLimitPerUserWhenSameUserComesFromManyAddresses() {
        Burst burst = burst(100, (web, i) -> web.get().uri("/api/v1/memories").headers(this::asThisUser)
                .header("X-Forwarded-For", "172.16." + (i / 250) + "." + (i % 250 + 1)));

        burst.expectLimitedTo(API);
    }

    @Test
    void shouldKeepOtherUsersBucketFullWhenOneUserIsLimited() {
        burst(100, (web, i) -> web.get().uri("/api/v1/chat/greeting").headers(this::asThisUser)).expectLimitedTo(API);

        String otherToken = TestJwks.tokenFor(UUID.randomUUID().toString(), "user");
        client.get().uri("/api/v1/chat/greeting").header(HttpHeaders.AUTHORIZATION, bearer(otherToken))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(API.burstCapacity() - 1));
    }

    @Test
    void shouldLimitAuthEndpointsPerIpAndStricterThanApi() {
        Burst burst = burst(40, (web, i) -> web.post().uri("/api/v1/auth/login").header("X-Forwarded-For", clientIp)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}"));

        burst.expectLimitedTo(AUTH);
        assertThat(burst.firstLimited().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(burst.responses().get(0).getHeaders().getFirst("X-RateLimit-Burst-Capacity"))
                .isEqualTo(String.valueOf(AUTH.burstCapacity()));
        assertThat(AUTH.burstCapacity()).as("auth is the stricter policy").isLessThan(API.burstCapacity());
        asUser().get().uri("/api/v1/memories").exchange()
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", String.valueOf(API.burstCapacity()));

        // another client address has its own bucket
        client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", "192.0.2.77")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-RateLimit-Remaining");
    }

    @Test
    void shouldKeepBucketsInRedisWhenRedisIsUp() {
        asUser().get().uri("/api/v1/memories").exchange().expectStatus().isOk();

        try (RedisClient redis = RedisClient.create(RedisURI.create("127.0.0.1", GatewayRedis.port()));
             StatefulRedisConnection<String, String> connection = redis.connect()) {
            assertThat(connection.sync().exists("request_rate_limiter.{api.user:" + userId + "}.tokens")).isEqualTo(1L);
        }
        management().get().uri("/actuator/health").exchange()
                .expectBody().jsonPath("$.components.rateLimiter.status").isEqualTo("UP");
    }

    @Test
    void shouldStillLimitLocallyAndReportItWhenRedisIsDown() {
        GatewayRedis.stop();

        Burst burst = burst(100, (web, i) -> web.get().uri("/api/v1/chat/greeting").headers(this::asThisUser));

        burst.expectLimitedTo(API);
        assertThat(burst.firstLimited().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        management().get().uri("/actuator/health").exchange()
                .expectBody()
                .jsonPath("$.components.rateLimiter.status").isEqualTo("DOWN")
                .jsonPath("$.components.rateLimiter.details.limiter").isEqualTo("local")
                .jsonPath("$.components.rateLimiter.details.detail").isEqualTo("redis unreachable, local limiter active");
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.services.chat").isEqualTo("UP");

        GatewayRedis.start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            client.get().uri("/api/v1/memories").header(HttpHeaders.AUTHORIZATION,
                    bearer(TestJwks.tokenFor(UUID.randomUUID().toString()))).exchange();
            management().get().uri("/actuator/health").exchange()
                    .expectBody().jsonPath("$.components.rateLimiter.status").isEqualTo("UP");
        });
    }

    private void asThisUser(HttpHeaders headers) {
        headers.setBearerAuth(userToken);
        headers.set("X-Forwarded-For", clientIp);
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    private static long remaining(WebTestClient.ResponseSpec response) {
        String remaining = response.expectStatus().isOk().returnResult(Void.class)
                .getResponseHeaders().getFirst("X-RateLimit-Remaining");
        assertThat(remaining).isNotNull();
        return Long.parseLong(remaining);
    }

    /** Sends the requests 32 at a time, as a client over its limit would, and keeps every answer. */
    private Burst burst(int requests, BiFunction<WebClient, Integer, WebClient.RequestHeadersSpec<?>> request) {
        WebClient web = WebClient.create("http://127.0.0.1:" + port);
        long started = System.nanoTime();
        List<ResponseEntity<String>> responses = Flux.range(0, requests)
                .flatMap(i -> request.apply(web, i).exchangeToMono(response -> response.toEntity(String.class)), 32)
                .collectList()
                .block(Duration.ofSeconds(120));
        return new Burst(responses, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Burst(List<ResponseEntity<String>> responses, Duration took) {

        int allowed() {
            return (int) responses.stream().filter(response -> response.getStatusCode().value() == 200).count();
        }

        ResponseEntity<String> firstLimited() {
            return responses.stream().filter(response -> response.getStatusCode().value() == 429).findFirst()
                    .orElseThrow(() -> new AssertionError("no request was limited; took " + took));
        }

        /**
         * A full bucket, plus what refilled while the burst ran, and not one request more. The Redis script
         * refills by whole seconds, so a burst of T seconds sees at most T + 1 refills.
         */
        void expectLimitedTo(RateLimitPolicy policy) {
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.getStatusCode().value()).isIn(200, 429);
                assertThat(Long.parseLong(response.getHeaders().getFirst("X-RateLimit-Remaining")))
                        .as("never the stock limiter's fail-open -1").isNotNegative();
            });
            long refilled = (long) Math.ceil(took.toMillis() / 1000.0 + 1) * policy.replenishRate();
            assertThat(allowed()).as("allowed of %d in %s", responses.size(), took)
                    .isBetween(policy.burstCapacity(), (int) (policy.burstCapacity() + refilled + 1));
            firstLimited();
        }
    }
}
