package dev.jumbo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The product as a user meets it: every call goes through the gateway to services on real servers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JumboSystemTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path repository = Path.of("").toAbsolutePath().getParent();
    private RunningStack stack;

    @BeforeAll
    void startTheWholeSystem() {
        stack = RunningStack.start(repository, "admin-system@example.com");
        System.out.printf("System ready (GET /health = 200) %d s after devstack started%n", stack.startup.toSeconds());
    }

    @AfterAll
    void stopTheWholeSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldReportEveryServiceUpWhenTheSystemRuns() {
        PublicApiClient anonymous = PublicApiClient.anonymous(stack.baseUrl());
        JsonNode health = anonymous.get("/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("services").properties()).extracting(e -> e.getValue().asString())
                .containsOnly("UP").hasSize(4);
    }

    @Test
    void shouldLearnThePreferredNameWhenANewUserAnswersTheGreeting() {
        PublicApiClient user = PublicApiClient.signUp(stack.baseUrl(), "john.doe");
        String username = user.get("/api/v1/profile").json().get("username").asString();

        JsonNode greeting = user.get("/api/v1/chat/greeting").json();
        assertThat(greeting.get("needsName").asBoolean()).isTrue();
        assertThat(greeting.get("message").asString()).contains(username);

        JsonNode turn = user.say("Harsha");
        assertThat(turn.get("preferredName").asString()).isEqualTo("Harsha");
        assertThat(turn.get("reply").asString()).contains("Harsha");

        JsonNode welcomeBack = user.get("/api/v1/chat/greeting").json();
        assertThat(welcomeBack.get("needsName").asBoolean()).isFalse();
        assertThat(welcomeBack.get("message").asString()).contains("Harsha");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                user.get("/api/v1/profile").json().get("preferredName").asString()).isEqualTo("Harsha"));
    }

    @Test
    void shouldListAStatedFactAsAMemoryWithinTwoSecondsWhenToldInChat() {
        PublicApiClient user = PublicApiClient.signUp(stack.baseUrl(), "fact.teller");
        user.say("My dog's name is Biscuit.");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(user.get("/api/v1/memories").json().get("items").toString()).contains("Biscuit"));
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerFromMemoryWhenAskedWhatJumboRemembers() throws IOException {
        Path cases = repository.getParent().resolve("shared").resolve("eval").resolve("cases.jsonl");
        assumeTrue(Files.exists(cases), "no eval cases at " + cases);
        List<JsonNode> recallCases = new ArrayList<>();
        for (String line : Files.readAllLines(cases)) {
            if (!line.isBlank() && JSON.readTree(line).get("kind").asString().equals("recall")) {
                recallCases.add(JSON.readTree(line));
            }
        }
        assertThat(recallCases).isNotEmpty();
        return recallCases.stream().map(recall -> DynamicTest.dynamicTest(recall.get("question").asString(), () -> {
            PublicApiClient user = PublicApiClient.signUp(stack.baseUrl(), "recall");
            int statements = recall.get("statements").size();
            recall.get("statements").forEach(statement -> user.say(statement.asString()));
            await().atMost(Duration.ofSeconds(10)).until(() -> processedMessages(user) >= statements);

            JsonNode turn = user.say(recall.get("question").asString());
            String reply = turn.get("reply").asString();
            recall.get("expectAll").forEach(expected -> assertThat(reply).containsIgnoringCase(expected.asString()));
            if (recall.has("expectNone")) {
                recall.get("expectNone").forEach(unexpected -> assertThat(reply).doesNotContainIgnoringCase(unexpected.asString()));
            }
            assertThat(turn.get("memoriesUsed")).isNotEmpty();
        }));
    }

    @Test
    void shouldEraseTheUserEverywhereWithinTenSecondsWhenTheAccountIsDeleted() {
        PublicApiClient user = PublicApiClient.signUp(stack.baseUrl(), "leaving");
        user.say("My sister lives in Lisbon.");
        await().atMost(Duration.ofSeconds(10)).until(() -> user.get("/api/v1/memories").json().get("items").size() > 0);

        assertThat(user.delete("/api/v1/profile").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PublicApiClient.Response memories = user.get("/api/v1/memories");
            PublicApiClient.Response conversations = user.get("/api/v1/chat/conversations");
            assertThat(memories.status() == 401 || memories.json().get("items").isEmpty()).isTrue();
            assertThat(conversations.status() == 401 || conversations.json().get("items").isEmpty()).isTrue();
        });
        assertThat(user.get("/api/v1/profile").status()).isEqualTo(401);
    }

    @Test
    void shouldPassTheBrowserJourneyWhenChromiumAndNpmAreInstalled() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "chromium is not installed");
        assumeTrue(Files.isDirectory(repository.resolve("web").resolve("node_modules")), "web client dependencies not installed");
        ProcessBuilder journey = new ProcessBuilder("npm", "run", "e2e")
                .directory(repository.resolve("web").toFile())
                .redirectErrorStream(true)
                .redirectOutput(repository.resolve("web").resolve("target").resolve("e2e.log").toFile());
        journey.environment().put("JUMBO_E2E_URL", stack.baseUrl());
        Process e2e = journey.start();
        assertThat(e2e.waitFor(5, TimeUnit.MINUTES)).as("e2e finished in time").isTrue();
        assertThat(e2e.exitValue()).as("e2e exit code; see web/target/e2e.log").isZero();
    }

    private static long processedMessages(PublicApiClient user) {
        return user.get("/api/v1/memories/moods").json().get("entries").size();
    }
}
