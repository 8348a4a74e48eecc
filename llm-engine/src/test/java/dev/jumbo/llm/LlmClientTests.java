package dev.jumbo.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

class LlmClientTests {

    private static final FakeProvider PROVIDER = new FakeProvider();
    private static final PromptTemplate PROMPT = PromptTemplate.load("echo", 2);

    private SimpleMeterRegistry meters;

    @BeforeEach
    void freshProviderAndMeters() {
        PROVIDER.reset();
        meters = new SimpleMeterRegistry();
    }

    /** Loads the provider clients' classes once, so the first test's time limit is not spent on class loading. */
    @BeforeAll
    static void warmUp() {
        SimpleMeterRegistry scratch = new SimpleMeterRegistry();
        LlmProperties openAi = patient(properties("openai", PROVIDER.openAiBaseUrl()));
        LlmClient openAiClient = new LlmClient(new OpenAiProvider(openAi), openAi, new LlmMetrics(scratch, "openai"),
                LlmGuards.create(openAi, scratch));
        LlmProperties ollama = patient(properties("ollama", PROVIDER.ollamaBaseUrl()));
        LlmClient ollamaClient = new LlmClient(new OllamaProvider(ollama, WebClient.builder()), ollama,
                new LlmMetrics(scratch, "ollama"), LlmGuards.create(ollama, scratch));
        PROVIDER.stubOpenAi(FakeProvider.openAiAnswer("{}", 1, 1));
        PROVIDER.stubOllama(FakeProvider.ollamaAnswer("{}", 1, 1));
        openAiClient.call(request(true)).block();
        ollamaClient.call(request(true)).block();
        PROVIDER.stubOpenAi(FakeProvider.openAiStream(List.of("a"), 1, 1));
        PROVIDER.stubOllama(FakeProvider.ollamaStream(List.of("a"), 1, 1));
        openAiClient.stream(request(false)).blockLast();
        ollamaClient.stream(request(false)).blockLast();
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Test
    void shouldAnswerAndCountTokensWhenOpenAiAnswers() {
        PROVIDER.stubOpenAi(FakeProvider.openAiAnswer("{\"text\":\"hi\"}", 21, 4));

        StepVerifier.create(openAi(properties("openai", PROVIDER.openAiBaseUrl())).call(request(true)))
                .assertNext(answer -> {
                    assertThat(answer.text()).isEqualTo("{\"text\":\"hi\"}");
                    assertThat(answer.promptTokens()).isEqualTo(21);
                    assertThat(answer.completionTokens()).isEqualTo(4);
                })
                .verifyComplete();

        PROVIDER.server().verify(postRequestedFor(urlEqualTo(FakeProvider.OPENAI_PATH))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("Hello Mochi"))));
        assertThat(count(LlmMetrics.CALLS, "outcome", "success")).isEqualTo(1);
        assertThat(count(LlmMetrics.TOKENS, "type", "prompt")).isEqualTo(21);
        assertThat(count(LlmMetrics.TOKENS, "type", "completion")).isEqualTo(4);
        assertThat(meters.get(LlmMetrics.LATENCY).tag("step", "echo").timer().count()).isEqualTo(1);
        assertThat(meters.get(LlmMetrics.CALLS).tag("prompt", "echo.v2").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldStreamFragmentsInOrderWhenOpenAiStreams() {
        PROVIDER.stubOpenAi(FakeProvider.openAiStream(List.of("Hel", "lo ", "there"), 9, 3));

        StepVerifier.create(openAi(properties("openai", PROVIDER.openAiBaseUrl())).stream(request(false)))
                .expectNext("Hel", "lo ", "there")
                .verifyComplete();

        PROVIDER.server().verify(postRequestedFor(urlEqualTo(FakeProvider.OPENAI_PATH))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
        assertThat(count(LlmMetrics.CALLS, "outcome", "success")).isEqualTo(1);
        assertThat(count(LlmMetrics.TOKENS, "type", "completion")).isEqualTo(3);
    }

    @Test
    void shouldFailWithoutRetryWhenStreamBreaksAfterFirstFragments() {
        PROVIDER.stubOpenAi(FakeProvider.openAiStreamBreakingAfter(List.of("Hel", "lo ")));

        StepVerifier.create(openAi(properties("openai", PROVIDER.openAiBaseUrl())).stream(request(false)))
                .expectNext("Hel", "lo ")
                .expectError(LlmUnavailableException.class)
                .verify(Duration.ofSeconds(10));

        assertThat(PROVIDER.server().getAllServeEvents()).hasSize(1);
        assertThat(count(LlmMetrics.CALLS, "outcome", "success")).isZero();
    }

    @Test
    void shouldWaitRetryAfterThenAnswerWhenRateLimitedOnce() {
        PROVIDER.server().stubFor(post(urlEqualTo(FakeProvider.OPENAI_PATH)).inScenario("limited")
                .whenScenarioStateIs(STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}")));
        PROVIDER.server().stubFor(post(urlEqualTo(FakeProvider.OPENAI_PATH)).inScenario("limited")
                .whenScenarioStateIs("free").willReturn(FakeProvider.openAiAnswer("{\"text\":\"ok\"}", 5, 2)));
        long started = System.nanoTime();

        StepVerifier.create(openAi(properties("openai", PROVIDER.openAiBaseUrl())).call(request(true)))
                .assertNext(answer -> assertThat(answer.text()).contains("ok"))
                .verifyComplete();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(count(LlmMetrics.CALLS, "outcome", "rate-limited")).isEqualTo(1);
        assertThat(count(LlmMetrics.CALLS, "outcome", "success")).isEqualTo(1);
    }

    @Test
    void shouldNotWaitWhenRetryAfterIsLongerThanAllowed() {
        PROVIDER.stubOpenAi(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"quota\"}}"));

        StepVerifier.create(openAi(properties("openai", PROVIDER.openAiBaseUrl())).call(request(true)))
                .expectErrorSatisfies(failure -> assertThat(((LlmUnavailableException) failure).reason())
                        .isEqualTo("rate-limited"))
                .verify(Duration.ofSeconds(5));

        assertThat(PROVIDER.server().getAllServeEvents()).hasSize(1);
    }

    @Test
    void shouldRetryWithBackoffThenGiveUpWhenProviderFailsWith500() {
        PROVIDER.stubOpenAi(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"boom\"}}"));

        StepVerifier.create(openAi(properties("openai", PROVIDER.openAiBaseUrl())).call(request(true)))
                .expectErrorSatisfies(failure -> assertThat(((LlmUnavailableException) failure).reason())
                        .isEqualTo("server-error"))
                .verify(Duration.ofSeconds(10));

        assertThat(PROVIDER.server().getAllServeEvents()).hasSize(3);
        assertThat(count(LlmMetrics.CALLS, "outcome", "server-error")).isEqualTo(3);
    }

    @Test
    void shouldGiveUpAfterTimeLimitWithoutRetryWhenProviderIsSlow() {
        PROVIDER.stubOpenAi(FakeProvider.openAiAnswer("{\"text\":\"late\"}", 1, 1).withFixedDelay(6_000));
        long started = System.nanoTime();

        StepVerifier.create(openAi(properties("openai", PROVIDER.openAiBaseUrl())).call(request(true)))
                .expectErrorSatisfies(failure -> assertThat(((LlmUnavailableException) failure).reason())
                        .isEqualTo("timeout"))
                .verify(Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(5_000));
        assertThat(count(LlmMetrics.CALLS, "outcome", "timeout")).isEqualTo(1);
    }

    @Test
    void shouldRejectCallsWithoutReachingProviderWhenBreakerIsOpen() {
        PROVIDER.stubOpenAi(aResponse().withStatus(503));
        LlmClient client = openAi(new LlmProperties("openai", PROVIDER.openAiBaseUrl(), "test-key", "test-model",
                Duration.ofSeconds(2), 1, Duration.ofMillis(10), Duration.ofSeconds(2), 4, 50, 2, Duration.ofMinutes(1),
                0.7, 256, false));
        for (int i = 0; i < 2; i++) {
            StepVerifier.create(client.call(request(true))).expectError(LlmUnavailableException.class).verify();
        }

        StepVerifier.create(client.call(request(true)))
                .expectErrorSatisfies(failure -> assertThat(((LlmUnavailableException) failure).reason())
                        .isEqualTo("circuit-open"))
                .verify();

        assertThat(client.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(PROVIDER.server().getAllServeEvents()).hasSize(2);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "llm").tag("state", "open")
                .gauge().value()).isEqualTo(1.0);
        assertThat(count(LlmMetrics.CALLS, "outcome", "circuit-open")).isEqualTo(1);
    }

    @Test
    void shouldAnswerAndCountTokensWhenOllamaAnswers() {
        PROVIDER.stubOllama(FakeProvider.ollamaAnswer("{\"text\":\"hey\"}", 30, 6));

        StepVerifier.create(ollama().call(request(true)))
                .assertNext(answer -> {
                    assertThat(answer.text()).isEqualTo("{\"text\":\"hey\"}");
                    assertThat(answer.promptTokens()).isEqualTo(30);
                    assertThat(answer.completionTokens()).isEqualTo(6);
                })
                .verifyComplete();

        PROVIDER.server().verify(postRequestedFor(urlEqualTo(FakeProvider.OLLAMA_PATH))
                .withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
                .withRequestBody(matchingJsonPath("$.format", equalTo("json"))));
        assertThat(meters.get(LlmMetrics.CALLS).tag("provider", "ollama").tag("outcome", "success").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldStreamFragmentsWhenOllamaStreamsNdjson() {
        PROVIDER.stubOllama(FakeProvider.ollamaStream(List.of("Good ", "to ", "hear!"), 12, 3));

        StepVerifier.create(ollama().stream(request(false)))
                .expectNext("Good ", "to ", "hear!")
                .verifyComplete();

        assertThat(count(LlmMetrics.TOKENS, "type", "completion")).isEqualTo(3);
    }

    @Test
    void shouldRetryAfterWhatRetryAfterSaysWhenOllamaIsBusy() {
        PROVIDER.server().stubFor(post(urlEqualTo(FakeProvider.OLLAMA_PATH)).inScenario("busy")
                .whenScenarioStateIs(STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0.2")));
        PROVIDER.server().stubFor(post(urlEqualTo(FakeProvider.OLLAMA_PATH)).inScenario("busy")
                .whenScenarioStateIs("free").willReturn(FakeProvider.ollamaAnswer("{\"text\":\"ok\"}", 1, 1)));

        StepVerifier.create(ollama().call(request(true)))
                .assertNext(answer -> assertThat(answer.text()).contains("ok"))
                .verifyComplete();

        assertThat(count(LlmMetrics.CALLS, "outcome", "server-error")).isEqualTo(1);
        assertThat(count(LlmMetrics.CALLS, "outcome", "success")).isEqualTo(1);
    }

    private LlmClient openAi(LlmProperties properties) {
        return new LlmClient(new OpenAiProvider(properties), properties, new LlmMetrics(meters, "openai"),
                LlmGuards.create(properties, meters));
    }

    private LlmClient ollama() {
        LlmProperties properties = properties("ollama", PROVIDER.ollamaBaseUrl());
        return new LlmClient(new OllamaProvider(properties, WebClient.builder()), properties,
                new LlmMetrics(meters, "ollama"), LlmGuards.create(properties, meters));
    }

    private static LlmProperties properties(String engine, String baseUrl) {
        return new LlmProperties(engine, baseUrl, "test-key", "test-model", Duration.ofMillis(2_000), 3,
                Duration.ofMillis(50), Duration.ofSeconds(2), 8, 50, 100, Duration.ofSeconds(30), 0.7, 256, false);
    }

    /** The first call of a JVM loads the SDKs' classes: seconds on a busy machine. */
    private static LlmProperties patient(LlmProperties p) {
        return new LlmProperties(p.engine(), p.baseUrl(), p.apiKey(), p.model(), Duration.ofSeconds(60), 1, p.backoff(),
                p.maxRetryAfter(), 8, 50, 100, p.openFor(), 0.7, 256, false);
    }

    private static LlmRequest request(boolean json) {
        return new LlmRequest("echo", PROMPT.render(Map.of("name", "Ada", "message", "Hello Mochi")), json);
    }

    private double count(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
