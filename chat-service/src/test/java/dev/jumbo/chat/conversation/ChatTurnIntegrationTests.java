package dev.jumbo.chat.conversation;

import static dev.jumbo.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.chat.support.ChatIntegrationTest;
import dev.jumbo.chat.support.JsonShapes;
import dev.jumbo.test.TopicReader;
import dev.jumbo.test.ContractExamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChatTurnIntegrationTests extends ChatIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldAnswerWithTurnShapeOfApiWhenUserSendsMessage() {
        User user = newUser();
        JsonNode turn = say(user, "It's been a long week at work but I finally shipped the project.");

        assertThat(fieldNames(turn)).containsExactlyInAnyOrder("conversationId", "messageId", "reply", "summary",
                "preferredName", "memoriesUsed");
        assertThat(fieldNames(turn.get("summary"))).containsExactlyInAnyOrder("text", "topics", "mood");
        assertThat(fieldNames(turn.get("summary").get("mood"))).containsExactlyInAnyOrder("label", "valence", "emotions");
        assertThat(turn.get("preferredName").isNull()).isTrue();
        assertThat(turn.get("memoriesUsed").isArray()).isTrue();
        assertThat(turn.get("memoriesUsed").isEmpty()).isTrue();
        assertThat(turn.get("summary").get("topics").toString()).contains("work");
        assertThat(turn.get("summary").get("text").asString()).startsWith("User feels").endsWith(".");
        String reply = turn.get("reply").asString();
        assertThat(sentences(reply)).hasSizeBetween(1, 3);
        assertThat(reply).contains("?");
    }

    @Test
    void shouldPublishMessageReceivedLikeContractExampleWhenTurnIsTaken() {
        ContractExamples.Example example = ContractExamples.load("chat.conversations.v1", "message-received.v1");
        User user = newUser();
        try (TopicReader topic = new TopicReader(kafka(), "chat.conversations.v1")) {
            JsonNode turn = say(user, "My friends Charvik and Devansh came over, I'm tired but proud.");

            ConsumerRecord<String, String> record = awaitEvent(topic, user.id(), example.headers().get("ce_type"));
            JsonNode payload = JSON.readTree(record.value());
            JsonShapes.assertSameShape(payload, example.payload(), "payload");
            assertThat(record.key()).isEqualTo(user.id());
            assertThat(header(record, "ce_subject")).isEqualTo(user.id());
            assertThat(header(record, "ce_source")).isEqualTo(example.headers().get("ce_source"));
            assertThat(payload.get("messageId").asString()).isEqualTo(turn.get("messageId").asString());
            assertThat(payload.get("conversationId").asString()).isEqualTo(turn.get("conversationId").asString());
            assertThat(payload.get("summary")).isEqualTo(turn.get("summary"));
            assertThat(payload.get("text").asString()).isEqualTo("My friends Charvik and Devansh came over, I'm tired but proud.");
        }
    }

    @Test
    void shouldAskForNameThenGreetByItAndPublishItWhenUserAnswersGreeting() {
        ContractExamples.Example example = ContractExamples.load("chat.conversations.v1", "preferred-name-stated.v1");
        User user = newUser("john.doe");
        JsonNode first = greeting(user);
        assertThat(first.get("message").asString())
                .isEqualTo("Hey john.doe! I noticed your name from your account, but I'd love to know—what should I call you?");
        assertThat(first.get("needsName").asBoolean()).isTrue();

        try (TopicReader topic = new TopicReader(kafka(), "chat.conversations.v1")) {
            JsonNode turn = say(user, "harsha");
            assertThat(turn.get("preferredName").asString()).isEqualTo("Harsha");
            assertThat(turn.get("reply").asString()).contains("Harsha");

            ConsumerRecord<String, String> record = awaitEvent(topic, user.id(), example.headers().get("ce_type"));
            JsonNode payload = JSON.readTree(record.value());
            JsonShapes.assertSameShape(payload, example.payload(), "payload");
            assertThat(payload.get("preferredName").asString()).isEqualTo("Harsha");
            assertThat(payload.get("messageId").asString()).isEqualTo(turn.get("messageId").asString());
        }

        JsonNode again = greeting(user);
        assertThat(again.get("needsName").asBoolean()).isFalse();
        assertThat(again.get("message").asString()).contains("Harsha").doesNotContain("john.doe");
        // the question was answered: a later bare word is not taken as a name
        assertThat(say(user, "Pizza").get("preferredName").isNull()).isTrue();
    }

    @Test
    void shouldStillAskForNameWhenTokenCarriesNoUsername() {
        User user = newUser();
        JsonNode greeting = greeting(user);
        assertThat(greeting.get("needsName").asBoolean()).isTrue();
        assertThat(greeting.get("message").asString()).startsWith("Hey there!").contains("what should I call you?");
    }

    @Test
    void shouldTakeNewNameAndNotAskAgainWhenUserRenamesThemselvesMidConversation() {
        User user = newUser("sam.k");
        greeting(user);
        say(user, "Sam");
        JsonNode turn = say(user, "Actually, call me Samantha from now on.");
        assertThat(turn.get("preferredName").asString()).isEqualTo("Samantha");
        assertThat(greeting(user).get("message").asString()).contains("Samantha");
    }

    @Test
    void shouldContinueLatestConversationWhenNoIdIsGivenAndStartNewOneAfterSilence() {
        User user = newUser();
        String first = say(user, "Morning! Coffee first.").get("conversationId").asString();
        assertThat(say(user, "Then a walk.").get("conversationId").asString()).isEqualTo(first);
        assertThat(say(user, "And lunch.", first).get("conversationId").asString()).isEqualTo(first);

        database.sql("UPDATE conversations SET last_message_at = now() - interval '31 minutes' WHERE user_id = :userId")
                .bind("userId", user.id()).then().block();
        assertThat(say(user, "Back again.").get("conversationId").asString()).isNotEqualTo(first);
    }

    @Test
    void shouldAnswerNotFoundWhenConversationIsUnknownOrSomeoneElses() {
        User owner = newUser();
        User other = newUser();
        String conversation = say(owner, "Hello there").get("conversationId").asString();

        for (String id : List.of(conversation, "4b3f7d2e-0000-4000-8000-000000000000")) {
            http.post().uri("/api/v1/chat/messages").headers(h -> h.setBearerAuth(other.token()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message", "hi", "conversationId", id))
                    .exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            http.get().uri("/api/v1/chat/conversations/{id}/messages", id).headers(h -> h.setBearerAuth(other.token()))
                    .exchange().expectStatus().isNotFound();
            http.delete().uri("/api/v1/chat/conversations/{id}", id).headers(h -> h.setBearerAuth(other.token()))
                    .exchange().expectStatus().isNotFound();
        }
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId", owner.id())).isEqualTo(2);
    }

    @Test
    void shouldPageConversationsNewestFirstAndMessagesOldestFirstWhenListed() {
        User user = newUser();
        List<String> started = new ArrayList<>();
        for (String text : List.of("First chat here", "Second chat here", "Third chat here")) {
            started.add(say(user, text).get("conversationId").asString());
            database.sql("UPDATE conversations SET last_message_at = last_message_at - interval '1 hour' WHERE user_id = :userId")
                    .bind("userId", user.id()).then().block();
        }
        JsonNode page = list(user, "/api/v1/chat/conversations?limit=2");
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("conversationId").asString()).isEqualTo(started.get(2));
        assertThat(page.get("items").get(0).get("title").asString()).isEqualTo("Third chat here");
        assertThat(fieldNames(page.get("items").get(0))).containsExactlyInAnyOrder("conversationId", "startedAt",
                "lastMessageAt", "title");
        JsonNode rest = list(user, "/api/v1/chat/conversations?limit=2&cursor=" + page.get("nextCursor").asString());
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("items").get(0).get("conversationId").asString()).isEqualTo(started.get(0));
        assertThat(rest.get("nextCursor").isNull()).isTrue();

        String conversation = started.get(2);
        JsonNode messages = list(user, "/api/v1/chat/conversations/" + conversation + "/messages?limit=1");
        JsonNode firstMessage = messages.get("items").get(0);
        assertThat(firstMessage.get("role").asString()).isEqualTo("user");
        assertThat(firstMessage.get("text").asString()).isEqualTo("Third chat here");
        assertThat(firstMessage.has("mood")).isTrue();
        JsonNode second = list(user, "/api/v1/chat/conversations/" + conversation + "/messages?limit=1&cursor="
                + messages.get("nextCursor").asString()).get("items").get(0);
        assertThat(second.get("role").asString()).isEqualTo("assistant");
        assertThat(second.has("mood")).isFalse();

        http.get().uri("/api/v1/chat/conversations?limit=201").headers(h -> h.setBearerAuth(user.token()))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldDeleteConversationWithItsMessagesWhenOwnerDeletesIt() {
        User user = newUser();
        String conversation = say(user, "Something to forget").get("conversationId").asString();
        http.delete().uri("/api/v1/chat/conversations/{id}", conversation).headers(h -> h.setBearerAuth(user.token()))
                .exchange().expectStatus().isNoContent();
        assertThat(list(user, "/api/v1/chat/conversations").get("items")).isEmpty();
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId", user.id())).isZero();
        http.delete().uri("/api/v1/chat/conversations/{id}", conversation).headers(h -> h.setBearerAuth(user.token()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldRejectMessageWhenBlankOrTooLong() {
        User user = newUser();
        for (String bad : List.of("", "   \n ", "\u0000\u0007", "x".repeat(4001))) {
            http.post().uri("/api/v1/chat/messages").headers(h -> h.setBearerAuth(user.token()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message", bad))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("message");
        }
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId", user.id())).isZero();
        say(user, "x".repeat(4000));
    }

    @Test
    void shouldStripControlCharactersAndKeepTextVerbatimWhenStoringMessage() {
        User user = newUser();
        String conversation = say(user, "hi\u0000 there\u001b\n\t<script>alert('x')</script> 'quoted'")
                .get("conversationId").asString();
        JsonNode stored = list(user, "/api/v1/chat/conversations/" + conversation + "/messages").get("items").get(0);
        assertThat(stored.get("text").asString()).isEqualTo("hi there\n\t<script>alert('x')</script> 'quoted'");
    }

    @Test
    void shouldNeverRepeatSentenceWhenConversationGoesOn() {
        User user = newUser();
        greeting(user);
        String conversation = say(user, "Robin").get("conversationId").asString();
        Set<String> said = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String text = i % 2 == 0 ? "Work was stressful again today." : "I'm tired but proud of my team.";
            for (String sentence : sentences(say(user, text, conversation).get("reply").asString())) {
                all.add(sentence);
                assertThat(said.add(sentence.toLowerCase())).as("repeated \"%s\" in %s", sentence, all).isTrue();
            }
        }
    }

    @Test
    void shouldStreamReplyWordsThenTurnAndStoreItOnceWhenStreaming() {
        User user = newUser();
        List<ServerSentEvent<String>> events = http.post().uri("/api/v1/chat/messages/stream")
                .headers(h -> h.setBearerAuth(user.token()))
                .accept(MediaType.TEXT_EVENT_STREAM).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", "I'm so excited, I got the job!"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(10));

        assertThat(events).hasSizeGreaterThan(2);
        ServerSentEvent<String> done = events.get(events.size() - 1);
        assertThat(done.event()).isEqualTo("done");
        List<ServerSentEvent<String>> tokens = events.subList(0, events.size() - 1);
        assertThat(tokens).allSatisfy(event -> assertThat(event.event()).isEqualTo("token"));
        JsonNode turn = JSON.readTree(done.data());
        assertThat(String.join("", tokens.stream().map(ServerSentEvent::data).toList()))
                .isEqualTo(turn.get("reply").asString());
        assertThat(turn.get("summary").get("mood").get("emotions").toString()).contains("excited");
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId", user.id())).isEqualTo(2);
    }

    @Test
    void shouldExportConversationsWithMessagesWhenAuthServiceAsksForUser() {
        User user = newUser();
        say(user, "I'm happy today");
        JsonNode export = http.get().uri("/internal/v1/export").headers(h -> h.setBearerAuth(user.token()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode conversation = export.get("conversations").get(0);
        assertThat(fieldNames(conversation)).containsExactlyInAnyOrder("conversationId", "startedAt", "lastMessageAt",
                "title", "messages");
        assertThat(conversation.get("messages")).hasSize(2);
        JsonNode mine = conversation.get("messages").get(0);
        assertThat(fieldNames(mine)).containsExactlyInAnyOrder("messageId", "role", "text", "createdAt", "mood");
        assertThat(mine.get("mood").get("emotions").toString()).contains("happy");
        assertThat(export.get("conversations")).hasSize(1);
        assertThat(http.get().uri("/internal/v1/export").headers(h -> h.setBearerAuth(newUser().token()))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().get("conversations")).isEmpty();
    }

    private JsonNode list(User user, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(user.token())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static ConsumerRecord<String, String> awaitEvent(TopicReader topic, String userId, String type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> topic.records().stream()
                        .filter(r -> userId.equals(r.key()) && type.equals(header(r, "ce_type"))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    static List<String> sentences(String reply) {
        return List.of(reply.strip().split("(?<=[.!?])\\s+"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(field -> names.add(field.getKey()));
        return names;
    }
}
