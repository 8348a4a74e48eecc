package dev.jumbo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final String ADMIN_EMAIL = "admin-system@example.com";
    private final Path repository = Path.of("").toAbsolutePath().getParent();
    private RunningStack stack;
    private PublicApiClient admin;

    @BeforeAll
    void startTheWholeSystem() {
        stack = RunningStack.start(repository, ADMIN_EMAIL);
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

    /** The recall cases of {@code ../shared/eval/cases.jsonl}, then our own other ways of asking (recall-cases.jsonl). */
    @TestFactory
    Stream<DynamicTest> shouldAnswerFromMemoryWhenAskedWhatJumboRemembers() throws IOException {
        Path cases = repository.getParent().resolve("shared").resolve("eval").resolve("cases.jsonl");
        assumeTrue(Files.exists(cases), "no eval cases at " + cases);
        List<JsonNode> recallCases = new ArrayList<>(recallCases(Files.readAllLines(cases)));
        assertThat(recallCases).isNotEmpty();
        try (var own = JumboSystemTests.class.getResourceAsStream("/recall-cases.jsonl")) {
            recallCases.addAll(recallCases(new String(own.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
        }
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

    private static List<JsonNode> recallCases(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).map(JSON::readTree)
                .filter(node -> node.get("kind").asString().equals("recall")).toList();
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
    void shouldLetOnlyAnAdminReadMigrationsAndRunJobsWhenCalledThroughTheGateway() {
        PublicApiClient someone = PublicApiClient.signUp(stack.baseUrl(), "curious");
        assertThat(someone.get("/api/v1/admin/migrations").status()).isEqualTo(404);
        assertThat(someone.post("/api/v1/admin/jobs/archive/runs", null).status()).isEqualTo(404);

        JsonNode services = admin().get("/api/v1/admin/migrations").json().get("services");
        assertThat(services.valueStream().map(service -> service.get("service").asString()).toList())
                .contains("auth", "chat", "memory", "maintenance");
        services.forEach(service -> assertThat(service.get("present").asBoolean()).as(service.toString()).isTrue());

        assertThat(finishedRun(admin(), "archive").get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void shouldBackUpAndVerifyTheDatabaseWhenAnAdminAsksAndPgDumpIsInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_dump")), "pg_dump 15 is not installed");
        PublicApiClient admin = admin();

        assertThat(finishedRun(admin, "backup").get("status").asString()).isEqualTo("succeeded");
        JsonNode backup = admin.get("/api/v1/admin/backups").json().get("items").get(0);
        assertThat(backup.get("sha256").asString()).hasSize(64);
        assertThat(backup.get("sizeBytes").asLong()).isPositive();

        assertThat(finishedRun(admin, "verify-backup").get("status").asString()).isEqualTo("succeeded");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                admin.get("/api/v1/admin/backups").json().get("items").get(0).get("verifiedAt").isNull()).isFalse());
    }

    /** The one account of the configured admin address, signed up on first use. */
    private synchronized PublicApiClient admin() {
        if (admin == null) {
            admin = PublicApiClient.signUpWithEmail(stack.baseUrl(), ADMIN_EMAIL, "correct horse battery staple admin");
        }
        return admin;
    }

    /** Starts a run of the job (waiting out one already running) and waits until it finished. */
    private static JsonNode finishedRun(PublicApiClient admin, String job) {
        PublicApiClient.Response[] started = new PublicApiClient.Response[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            started[0] = admin.post("/api/v1/admin/jobs/" + job + "/runs", null);
            return started[0].status() != 409;
        });
        assertThat(started[0].status()).as(started[0].body()).isEqualTo(202);
        String runId = started[0].json().get("id").asString();
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            run[0] = admin.get("/api/v1/admin/jobs/" + job + "/runs/" + runId).json();
            return !run[0].get("status").asString().equals("running");
        });
        return run[0];
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
