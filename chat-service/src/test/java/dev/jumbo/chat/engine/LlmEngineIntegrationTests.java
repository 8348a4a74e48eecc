package dev.jumbo.chat.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.jumbo.chat.support.ChatIntegrationTest;
import dev.jumbo.chat.support.MemoryStub;
import dev.jumbo.llm.FakeProvider;
import dev.jumbo.llm.LlmClient;
import dev.jumbo.llm.LlmMetrics;
import dev.jumbo.llm.LlmRequest;
import dev.jumbo.llm.PromptTemplate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * chat-service with {@code JUMBO_ENGINE=openai} against a WireMock server speaking the OpenAI chat-completions
 * API: the model's summary and reply through the HTTP API, streaming, and every failure ending in a builtin
 * answer with the right metrics. The one openai-engine context of this module.
 */
@TestPropertySource(properties = {
        "jumbo.chat.engine=openai",
        "jumbo.llm.engine=openai",
        "jumbo.llm.api-key=test-key",
        "jumbo.llm.model=test-model",
        "jumbo.llm.timeout=3s",
        "jumbo.llm.backoff=50ms",
        "jumbo.llm.max-retry-after=2s",
        "jumbo.llm.minimum-calls=1000"})
class LlmEngineIntegrationTests extends ChatIntegrationTest {

    private static final FakeProvider PROVIDER = new FakeProvider();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL_SUMMARY = """
            {"text":"User feels proud about shipping at work.","topics":["work"],
             "mood":{"label":"proud and relieved","valence":0.8,"emotions":["proud","relieved"]}}""";
    private static final String MODEL_REPLY = "Congratulations, that is a big win! What part are you proudest of?";
    private static boolean warm;

    @Autowired
    private LlmClient llm;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("jumbo.llm.base-url", PROVIDER::openAiBaseUrl);
    }

    /** The first model call of a JVM loads the SDK's classes (seconds on a busy machine); then stubs start clean. */
    @BeforeEach
    void warmClientAndResetProvider() {
        if (!warm) {
            PROVIDER.stubOpenAi(FakeProvider.openAiAnswer(MODEL_SUMMARY, 1, 1));
            LlmRequest request = new LlmRequest("warm-up", PromptTemplate.load("summarize", 1).render(Map.of(
                    "name", "n", "nameJustStated", "no", "recallQuestion", "no", "message", "m")), true);
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    llm.call(request).map(answer -> true).onErrorReturn(false).block());
            PROVIDER.reset();
            PROVIDER.stubOpenAi(FakeProvider.openAiStream(List.of("a"), 1, 1));
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    llm.stream(request).then(reactor.core.publisher.Mono.just(true)).onErrorReturn(false).block());
            warm = true;
        }
        PROVIDER.reset();
        llm.circuitBreaker().reset();
    }

    @Test
    void shouldAnswerWithModelsSummaryAndReplyWhenProviderAnswers() {
        stubSummarize(FakeProvider.openAiAnswer(MODEL_SUMMARY, 120, 40));
        stubRespond(FakeProvider.openAiAnswer(MODEL_REPLY, 90, 18));
        double promptTokens = metric(LlmMetrics.TOKENS, "type", "prompt");
        double summarized = metric(LlmMetrics.CALLS, "step", "summarize", "outcome", "success");
        double replied = metric(LlmMetrics.CALLS, "step", "respond", "outcome", "success");

        JsonNode turn = say(newUser(), "I finally shipped the project at work!");

        assertThat(turn.get("reply").asString()).isEqualTo(MODEL_REPLY);
        assertThat(turn.get("summary")).isEqualTo(JSON.readTree(MODEL_SUMMARY));
        assertThat(metric(LlmMetrics.CALLS, "step", "summarize", "outcome", "success")).isEqualTo(summarized + 1);
        assertThat(metric(LlmMetrics.CALLS, "step", "respond", "outcome", "success")).isEqualTo(replied + 1);
        assertThat(metric(LlmMetrics.TOKENS, "type", "prompt")).isEqualTo(promptTokens + 210);
        String respondPrompt = bodies().stream().filter(body -> !body.contains("response_format")).findFirst().orElseThrow();
        assertThat(respondPrompt).contains("User feels proud about shipping at work.").contains("proud and relieved");
    }

    @Test
    void shouldStreamModelsTokensThenStoredTurnWhenStreaming() {
        stubSummarize(FakeProvider.openAiAnswer(MODEL_SUMMARY, 10, 10));
        stubStreamingRespond(FakeProvider.openAiStream(List.of("Congrat", "ulations", ",", " that", " is", " big", "!"), 50, 7));
        User user = newUser();

        List<ServerSentEvent<String>> events = stream(user, "I finally shipped the project at work!");

        ServerSentEvent<String> done = events.get(events.size() - 1);
        assertThat(done.event()).isEqualTo("done");
        List<String> tokens = events.subList(0, events.size() - 1).stream().map(ServerSentEvent::data).toList();
        assertThat(tokens).hasSizeGreaterThan(4).noneMatch(token -> token.startsWith(" "));
        assertThat(String.join("", tokens)).isEqualTo("Congratulations, that is big!");
        assertThat(JSON.readTree(done.data()).get("reply").asString()).isEqualTo("Congratulations, that is big!");
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId AND text = 'Congratulations, that is big!'",
                user.id())).isEqualTo(1);
    }

    @Test
    void shouldWaitRetryAfterThenUseModelsSummaryWhenRateLimitedOnce() {
        PROVIDER.server().stubFor(summarizeRequest().inScenario("limited").whenScenarioStateIs(STARTED)
                .willSetStateTo("free").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"slow down\"}}")));
        PROVIDER.server().stubFor(summarizeRequest().inScenario("limited").whenScenarioStateIs("free")
                .willReturn(FakeProvider.openAiAnswer(MODEL_SUMMARY, 10, 10)));
        stubRespond(FakeProvider.openAiAnswer(MODEL_REPLY, 10, 10));
        double limited = metric(LlmMetrics.CALLS, "step", "summarize", "outcome", "rate-limited");
        double fallbacks = metric(LlmMetrics.FALLBACKS);

        JsonNode turn = say(newUser(), "I finally shipped the project at work!");

        assertThat(turn.get("summary")).isEqualTo(JSON.readTree(MODEL_SUMMARY));
        assertThat(turn.get("reply").asString()).isEqualTo(MODEL_REPLY);
        assertThat(metric(LlmMetrics.CALLS, "step", "summarize", "outcome", "rate-limited")).isEqualTo(limited + 1);
        assertThat(metric(LlmMetrics.FALLBACKS)).isEqualTo(fallbacks);
    }

    @Test
    void shouldAnswerFromBuiltinEngineWhenProviderFailsWith500() {
        PROVIDER.stubOpenAi(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"internal\"}}"));
        double summarizeFallbacks = metric(LlmMetrics.FALLBACKS, "step", "summarize", "reason", "server-error");
        double respondFallbacks = metric(LlmMetrics.FALLBACKS, "step", "respond", "reason", "server-error");

        JsonNode turn = say(newUser(), "It's been a long week at work but I finally shipped the project.");

        assertThat(turn.get("summary").get("text").asString()).startsWith("User feels");
        assertThat(turn.get("summary").get("topics").toString()).contains("work");
        assertThat(turn.get("reply").asString()).isNotBlank().contains("?");
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "summarize", "reason", "server-error")).isEqualTo(summarizeFallbacks + 1);
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "respond", "reason", "server-error")).isEqualTo(respondFallbacks + 1);
        assertThat(PROVIDER.server().getAllServeEvents()).hasSize(6); // 3 attempts per step
    }

    @Test
    void shouldAnswerFromBuiltinEngineWhenProviderIsSlowerThanTimeLimit() {
        PROVIDER.stubOpenAi(FakeProvider.openAiAnswer(MODEL_SUMMARY, 1, 1).withFixedDelay(6_000));
        double timeouts = metric(LlmMetrics.FALLBACKS, "reason", "timeout");
        long started = System.nanoTime();

        JsonNode turn = say(newUser(), "I'm so tired today.");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
        assertThat(turn.get("summary").get("mood").get("emotions").toString()).contains("tired");
        assertThat(turn.get("reply").asString()).isNotBlank();
        assertThat(metric(LlmMetrics.FALLBACKS, "reason", "timeout")).isEqualTo(timeouts + 2);
    }

    @Test
    void shouldUseBuiltinSummaryButModelsReplyWhenSummaryIsMalformedJson() {
        stubSummarize(FakeProvider.openAiAnswer("{\"text\": \"User is happy\", \"topics\": [\"work\"", 5, 5));
        stubRespond(FakeProvider.openAiAnswer(MODEL_REPLY, 10, 10));
        double invalid = metric(LlmMetrics.FALLBACKS, "step", "summarize", "reason", "invalid-json");

        JsonNode turn = say(newUser(), "I'm so excited, I got the job!");

        assertThat(turn.get("summary").get("mood").get("emotions").toString()).contains("excited");
        assertThat(turn.get("reply").asString()).isEqualTo(MODEL_REPLY);
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "summarize", "reason", "invalid-json")).isEqualTo(invalid + 1);
    }

    @Test
    void shouldUseBuiltinSummaryWhenModelsSummaryBreaksSchema() {
        stubSummarize(FakeProvider.openAiAnswer("""
                {"text":"User talks about stars.","topics":["astrology"],
                 "mood":{"label":"curious","valence":3,"emotions":["curious"]}}""", 5, 5));
        stubRespond(FakeProvider.openAiAnswer(MODEL_REPLY, 10, 10));
        double invalid = metric(LlmMetrics.FALLBACKS, "step", "summarize", "reason", "invalid-answer");

        JsonNode turn = say(newUser(), "I'm so excited, I got the job!");

        assertThat(turn.get("summary").get("topics").toString()).doesNotContain("astrology");
        assertThat(turn.get("summary").get("mood").get("valence").asDouble()).isBetween(-1.0, 1.0);
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "summarize", "reason", "invalid-answer")).isEqualTo(invalid + 1);
    }

    @Test
    void shouldStreamBuiltinReplyWhenModelsStreamFailsBeforeFirstToken() {
        stubSummarize(FakeProvider.openAiAnswer(MODEL_SUMMARY, 10, 10));
        PROVIDER.server().stubFor(post(urlEqualTo(FakeProvider.OPENAI_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(503)));
        double fallbacks = metric(LlmMetrics.FALLBACKS, "step", "respond", "reason", "server-error");

        List<ServerSentEvent<String>> events = stream(newUser(), "I finally shipped the project at work!");

        ServerSentEvent<String> done = events.get(events.size() - 1);
        String reply = JSON.readTree(done.data()).get("reply").asString();
        assertThat(reply).isNotBlank();
        assertThat(String.join("", events.subList(0, events.size() - 1).stream().map(ServerSentEvent::data).toList()))
                .isEqualTo(reply);
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "respond", "reason", "server-error")).isEqualTo(fallbacks + 1);
    }

    @Test
    void shouldEndTurnWithBuiltinReplyWhenModelsStreamBreaksMidway() {
        stubSummarize(FakeProvider.openAiAnswer(MODEL_SUMMARY, 10, 10));
        stubStreamingRespond(FakeProvider.openAiStreamBreakingAfter(List.of("Congrat", "ulations", " on", " the")));
        double fallbacks = metric(LlmMetrics.FALLBACKS, "step", "respond");
        User user = newUser();

        List<ServerSentEvent<String>> events = stream(user, "I finally shipped the project at work!");

        ServerSentEvent<String> done = events.get(events.size() - 1);
        String reply = JSON.readTree(done.data()).get("reply").asString();
        assertThat(events.get(0).data()).startsWith("Congrat");
        assertThat(reply).isNotBlank().doesNotStartWith("Congrat");
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "respond")).isEqualTo(fallbacks + 1);
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId AND role = 'assistant'", user.id()))
                .isEqualTo(1);
    }

    @Test
    void shouldNeverPutOneUsersNameOrMemoriesInAnotherUsersPrompt() {
        stubSummarize(FakeProvider.openAiAnswer(MODEL_SUMMARY, 10, 10));
        stubRespond(FakeProvider.openAiAnswer(MODEL_REPLY, 10, 10));
        User aurelio = newUser();
        User benedikt = newUser();
        memory.behave(aurelio.id(), new MemoryStub.Answers("""
                {"memories":[{"id":"m-1","text":"User's sister Priyamvada lives in Reykjavik","category":"relationships",
                  "subject":"sister","values":["Priyamvada"],"confidence":0.9}]}"""));
        memory.behave(benedikt.id(), new MemoryStub.Answers("{\"memories\":[]}"));

        say(aurelio, "Call me Aurelio");
        say(benedikt, "Call me Benedikt");
        say(aurelio, "Do you remember my sister?");
        say(benedikt, "Do you remember my sister?");

        List<String> bodies = bodies();
        assertThat(bodies).anyMatch(body -> body.contains("Aurelio") && body.contains("Priyamvada"));
        List<String> benediktsPrompts = bodies.stream().filter(body -> body.contains("Benedikt")).toList();
        assertThat(benediktsPrompts).hasSizeGreaterThanOrEqualTo(3)
                .noneMatch(body -> body.contains("Aurelio") || body.contains("Priyamvada") || body.contains("Reykjavik"));
    }

    private List<ServerSentEvent<String>> stream(User user, String message) {
        return http.post().uri("/api/v1/chat/messages/stream").headers(h -> h.setBearerAuth(user.token()))
                .accept(MediaType.TEXT_EVENT_STREAM).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", message))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(30));
    }

    private static MappingBuilder summarizeRequest() {
        return post(urlEqualTo(FakeProvider.OPENAI_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")));
    }

    private static void stubSummarize(ResponseDefinitionBuilder response) {
        PROVIDER.server().stubFor(summarizeRequest().willReturn(response));
    }

    private static void stubRespond(ResponseDefinitionBuilder response) {
        PROVIDER.server().stubFor(post(urlEqualTo(FakeProvider.OPENAI_PATH)).atPriority(5)
                .withRequestBody(containing("messages")).willReturn(response));
    }

    private static void stubStreamingRespond(ResponseDefinitionBuilder response) {
        PROVIDER.server().stubFor(post(urlEqualTo(FakeProvider.OPENAI_PATH)).atPriority(2)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))).willReturn(response));
    }

    private static List<String> bodies() {
        return PROVIDER.server().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(request -> request.getBodyAsString()).toList();
    }

    private double metric(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
