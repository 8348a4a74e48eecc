package dev.jumbo.memory.extraction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.jumbo.llm.FakeProvider;
import dev.jumbo.llm.LlmClient;
import dev.jumbo.llm.LlmMetrics;
import dev.jumbo.llm.LlmRequest;
import dev.jumbo.llm.PromptTemplate;
import dev.jumbo.memory.support.MemoryIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * memory-service with {@code JUMBO_ENGINE=ollama} against a WireMock server speaking Ollama's {@code /api/chat}:
 * the model's facts go through the same consolidation as the builtin extractor's; a failing, malformed or
 * off-schema answer falls back to the builtin extractor. The one LLM context of this module.
 */
@TestPropertySource(properties = {
        "jumbo.llm.engine=ollama",
        "jumbo.llm.model=test-model",
        "jumbo.llm.timeout=3s",
        "jumbo.llm.backoff=50ms",
        "jumbo.llm.minimum-calls=1000"})
class LlmFactExtractionIntegrationTests extends MemoryIntegrationTest {

    private static final FakeProvider PROVIDER = new FakeProvider();
    private static boolean warm;

    @Autowired
    private LlmClient llm;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("jumbo.llm.base-url", PROVIDER::ollamaBaseUrl);
    }

    /** The first model call of a JVM loads the client's classes (seconds on a busy machine); then stubs start clean. */
    @BeforeEach
    void warmClientAndResetProvider() {
        if (!warm) {
            PROVIDER.stubOllama(FakeProvider.ollamaAnswer("{\"facts\":[]}", 1, 1));
            LlmRequest request = new LlmRequest("warm-up",
                    PromptTemplate.load("extract-facts", 1).render(Map.of("message", "hi")), true);
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    llm.call(request).map(answer -> true).onErrorReturn(false).block());
            warm = true;
        }
        PROVIDER.reset();
        llm.circuitBreaker().reset();
    }

    @Test
    void shouldStoreModelsFactsThroughConsolidationWhenModelAnswers() {
        PROVIDER.stubOllama(FakeProvider.ollamaAnswer("""
                {"facts":[{"subject":"sisters","relation":"lives_in","values":["Lisbon"],"negated":false},
                          {"subject":"user","relation":"likes","values":["sea swimming"]}]}""", 80, 30));
        String user = newUser();
        double tokens = metric(LlmMetrics.TOKENS, "step", "extract-facts", "type", "completion");

        awaitConsumed(say(user, "Lisbon is where my sister is these days, and sea swimming is my thing."));

        JsonNode memories = getJson(user, "/api/v1/memories");
        assertThat(memories.toString()).contains("User's sister lives in Lisbon").contains("User likes sea swimming");
        assertThat(metric(LlmMetrics.TOKENS, "step", "extract-facts", "type", "completion")).isEqualTo(tokens + 30);
        assertThat(PROVIDER.server().getAllServeEvents()).hasSize(1);
        String prompt = PROVIDER.server().getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(prompt).contains("Lisbon is where my sister is these days").contains("\"format\":\"json\"");
    }

    @Test
    void shouldUpdateModelsFactLikeBuiltinOneWhenValueChanges() {
        String user = newUser();
        PROVIDER.stubOllama(FakeProvider.ollamaAnswer("""
                {"facts":[{"subject":"user","relation":"works_at","values":["Initech"]}]}""", 10, 10));
        awaitConsumed(say(user, "These days Initech pays my bills."));
        PROVIDER.reset();
        PROVIDER.stubOllama(FakeProvider.ollamaAnswer("""
                {"facts":[{"subject":"user","relation":"works_at","values":["Globex"]}]}""", 10, 10));

        awaitConsumed(say(user, "Globex pays my bills now."));

        JsonNode memories = getJson(user, "/api/v1/memories");
        assertThat(memories.toString()).contains("User works at Globex").doesNotContain("User works at Initech");
    }

    @Test
    void shouldFallBackToBuiltinExtractorWhenModelNamesRelationNoSpecKnows() {
        PROVIDER.stubOllama(FakeProvider.ollamaAnswer("""
                {"facts":[{"subject":"sister","relation":"adores","values":["Paris"]}]}""", 10, 10));
        String user = newUser();
        double invalid = metric(LlmMetrics.FALLBACKS, "step", "extract-facts", "reason", "invalid-answer");

        awaitConsumed(say(user, "My sister lives in Paris."));

        assertThat(getJson(user, "/api/v1/memories").toString()).contains("User's sister lives in Paris");
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "extract-facts", "reason", "invalid-answer")).isEqualTo(invalid + 1);
    }

    @Test
    void shouldFallBackToBuiltinExtractorWhenModelAnswersMalformedJson() {
        PROVIDER.stubOllama(FakeProvider.ollamaAnswer("{\"facts\": [{\"subject\": \"dog\",", 10, 10));
        String user = newUser();
        double invalid = metric(LlmMetrics.FALLBACKS, "step", "extract-facts", "reason", "invalid-json");

        awaitConsumed(say(user, "My dog's name is Biscuit."));

        assertThat(getJson(user, "/api/v1/memories").toString()).contains("Biscuit");
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "extract-facts", "reason", "invalid-json")).isEqualTo(invalid + 1);
    }

    @Test
    void shouldFallBackToBuiltinExtractorWhenOllamaFailsWith500() {
        PROVIDER.stubOllama(aResponse().withStatus(500).withBody("{\"error\":\"model crashed\"}"));
        String user = newUser();
        double failed = metric(LlmMetrics.FALLBACKS, "step", "extract-facts", "reason", "server-error");

        awaitConsumed(say(user, "I work at Google."));

        assertThat(getJson(user, "/api/v1/memories").toString()).contains("User works at Google");
        assertThat(metric(LlmMetrics.FALLBACKS, "step", "extract-facts", "reason", "server-error")).isEqualTo(failed + 1);
        assertThat(PROVIDER.server().getAllServeEvents()).hasSize(3);
    }

    @Test
    void shouldSendOnlyTheMessageBeingReadWhenExtracting() {
        PROVIDER.stubOllama(FakeProvider.ollamaAnswer("{\"facts\":[]}", 1, 1));
        String first = newUser();
        String second = newUser();
        awaitConsumed(say(first, "My cousin Ottoline lives in Valparaiso."));

        UUID message = say(second, "My cousin lives nearby.");
        awaitConsumed(message);

        List<String> prompts = PROVIDER.server().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(request -> request.getBodyAsString()).toList();
        assertThat(prompts).anyMatch(body -> body.contains("Ottoline"));
        assertThat(prompts.stream().filter(body -> body.contains("My cousin lives nearby"))).isNotEmpty()
                .noneMatch(body -> body.contains("Ottoline") || body.contains("Valparaiso"));
    }

    private double metric(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
