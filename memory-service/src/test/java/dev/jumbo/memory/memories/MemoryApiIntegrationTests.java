package dev.jumbo.memory.memories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class MemoryApiIntegrationTests extends MemoryIntegrationTest {

    @Test
    void shouldListFactWithinTwoSecondsWhenStatedInAMessage() {
        String user = newUser();
        UUID messageId = say(user, "My friends are Charvik and Devansh.");

        List<JsonNode> items = await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(25))
                .until(() -> memoriesOf(user), list -> !list.isEmpty());

        JsonNode memory = items.get(0);
        assertThat(memory.get("text").asString()).isEqualTo("User's friends are Charvik and Devansh");
        assertThat(memory.get("category").asString()).isEqualTo("relationships");
        assertThat(memory.get("subject").asString()).isEqualTo("friends");
        assertThat(memory.get("values").valueStream().map(JsonNode::asString)).containsExactly("Charvik", "Devansh");
        assertThat(memory.get("archived").asBoolean()).isFalse();
        assertThat(memory.get("sourceMessageId").asString()).isEqualTo(messageId.toString());
        assertThat(memory.get("id").asString()).isNotBlank();
        assertThat(memory.get("createdAt").asString()).endsWith("Z");
        assertThat(memory.get("updatedAt").asString()).endsWith("Z");
        assertThat(memory.has("lastRecalledAt")).isTrue();
        assertThat(memory.has("history")).isFalse();
    }

    @Test
    void shouldKeepOneMemoryWhenSameFactIsStatedTwice() {
        String user = newUser();
        sayAll(user, List.of("I live in Berlin.", "i live in berlin", "I live in Berlin!"));

        List<JsonNode> items = memoriesOf(user);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("lastRecalledAt").isNull()).isFalse();
        JsonNode memory = getJson(user, "/api/v1/memories/" + items.get(0).get("id").asString());
        assertThat(memory.get("history").size()).isZero();
    }

    @Test
    void shouldUpdateMemoryAndKeepHistoryWhenFactChanges() {
        String user = newUser();
        sayAll(user, List.of("My sister lives in London.", "My sister just moved to Paris!"));

        List<JsonNode> items = memoriesOf(user);
        assertThat(items).hasSize(1);
        JsonNode memory = getJson(user, "/api/v1/memories/" + items.get(0).get("id").asString());
        assertThat(memory.get("text").asString()).isEqualTo("User's sister lives in Paris");
        assertThat(memory.get("values").get(0).asString()).isEqualTo("Paris");
        assertThat(memory.get("history").size()).isEqualTo(1);
        assertThat(memory.get("history").get(0).get("text").asString()).isEqualTo("User's sister lives in London");
        assertThat(memory.get("history").get(0).get("change").asString()).isEqualTo("updated");
    }

    @Test
    void shouldMergeIntoOneMemoryWhenMoreFriendsAreNamed() {
        String user = newUser();
        sayAll(user, List.of("My friends are Charvik and Devansh.", "My friend Maya is visiting."));

        List<JsonNode> items = memoriesOf(user);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("values").valueStream().map(JsonNode::asString))
                .containsExactly("Charvik", "Devansh", "Maya");
        JsonNode memory = getJson(user, "/api/v1/memories/" + items.get(0).get("id").asString());
        assertThat(memory.get("history").get(0).get("change").asString()).isEqualTo("merged");
    }

    @Test
    void shouldNeitherDropNewFactNorTouchUnrelatedMemoryWhenFactsConflict() {
        String user = newUser();
        sayAll(user, List.of("I work at Google and my sister lives in London.", "I love hiking.",
                "I got a new job at Stripe!"));

        List<String> texts = memoriesOf(user).stream().map(m -> m.get("text").asString()).toList();
        assertThat(texts).containsExactlyInAnyOrder("User works at Stripe", "User's sister lives in London",
                "User likes hiking");
    }

    @Test
    void shouldStoreEveryFactWhenOneMessageStatesSeveral() {
        String user = newUser();
        sayAll(user, List.of("I live in Lisbon, I work as a nurse at St. Mary's hospital and my dog's name is Biscuit."));

        List<String> texts = memoriesOf(user).stream().map(m -> m.get("text").asString()).toList();
        assertThat(texts).containsExactlyInAnyOrder("User lives in Lisbon", "User works as a nurse",
                "User works at St. Mary's hospital", "User's dog is called Biscuit");
    }

    @Test
    void shouldArchiveMemoryWithHistoryWhenFactIsRetracted() {
        String user = newUser();
        sayAll(user, List.of("I work at Google.", "I don't work at Google anymore."));

        assertThat(memoriesOf(user)).isEmpty();
        List<JsonNode> all = getJson(user, "/api/v1/memories?includeArchived=true").get("items").valueStream().toList();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("archived").asBoolean()).isTrue();
        assertThat(all.get(0).get("text").asString()).isEqualTo("User no longer works at Google");
    }

    @Test
    void shouldAnswerNotFoundWhenMemoryBelongsToAnotherUser() {
        String owner = newUser();
        sayAll(owner, List.of("My dog's name is Biscuit."));
        String id = memoriesOf(owner).get(0).get("id").asString();
        String stranger = newUser();

        http.get().uri("/api/v1/memories/" + id).header("Authorization", bearer(stranger)).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.patch().uri("/api/v1/memories/" + id).header("Authorization", bearer(stranger))
                .bodyValue(Map.of("text", "hijacked")).exchange().expectStatus().isNotFound();
        http.delete().uri("/api/v1/memories/" + id).header("Authorization", bearer(stranger)).exchange()
                .expectStatus().isNotFound();
        assertThat(memoriesOf(stranger)).isEmpty();
        assertThat(memoriesOf(owner)).hasSize(1);
    }

    @Test
    void shouldRemoveFromRecallAndPublishDeletionWhenMemoryIsDeleted() {
        String user = newUser();
        sayAll(user, List.of("My dog's name is Biscuit."));
        String id = memoriesOf(user).get(0).get("id").asString();
        assertThat(recalledValues(recall(user, "What's my dog's name?"))).contains("Biscuit");

        http.delete().uri("/api/v1/memories/" + id).header("Authorization", bearer(user)).exchange()
                .expectStatus().isNoContent();

        assertThat(recalledValues(recall(user, "What's my dog's name?"))).doesNotContain("Biscuit");
        http.get().uri("/api/v1/memories/" + id).header("Authorization", bearer(user)).exchange()
                .expectStatus().isNotFound();
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE event_type = 'dev.jumbo.memory.memory-deleted.v1' "
                + "AND payload LIKE '%' || :v || '%'", id)).isEqualTo(1);
    }

    @Test
    void shouldReembedAndKeepOldTextWhenTextIsPatched() {
        String user = newUser();
        sayAll(user, List.of("I live in Berlin."));
        String id = memoriesOf(user).get(0).get("id").asString();

        byte[] body = http.patch().uri("/api/v1/memories/" + id).header("Authorization", bearer(user))
                .bodyValue(Map.of("text", "User lives in Berlin-Kreuzberg")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();

        JsonNode memory = JSON.readTree(body);
        assertThat(memory.get("text").asString()).isEqualTo("User lives in Berlin-Kreuzberg");
        assertThat(memory.get("history").get(0).get("text").asString()).isEqualTo("User lives in Berlin");
        assertThat(memory.get("history").get(0).get("change").asString()).isEqualTo("edited");
        List<JsonNode> found = getJson(user, "/api/v1/memories?query=Kreuzberg").get("items").valueStream().toList();
        assertThat(found).extracting(m -> m.get("id").asString()).first().isEqualTo(id);
    }

    @Test
    void shouldRestoreArchivedMemoryWhenPatchedWithArchivedFalse() {
        String user = newUser();
        sayAll(user, List.of("I work at Google.", "I don't work at Google anymore."));
        String id = getJson(user, "/api/v1/memories?includeArchived=true").get("items").get(0).get("id").asString();

        http.patch().uri("/api/v1/memories/" + id).header("Authorization", bearer(user))
                .bodyValue(Map.of("archived", false)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.archived").isEqualTo(false);

        assertThat(memoriesOf(user)).hasSize(1);
    }

    @Test
    void shouldRankRelevantMemoryFirstWhenSearchedWithQuery() {
        String user = newUser();
        sayAll(user, List.of("My sister lives in Paris.", "I love hiking.", "My dog's name is Biscuit.",
                "I work at Google.", "I'm allergic to peanuts."));

        assertThat(firstTextFor(user, "where does my sister live")).isEqualTo("User's sister lives in Paris");
        assertThat(firstTextFor(user, "puppy")).isEqualTo("User's dog is called Biscuit");
        assertThat(firstTextFor(user, "peanut allergy")).isEqualTo("User is allergic to peanuts");
        assertThat(firstTextFor(user, "Gogle")).isEqualTo("User works at Google");
    }

    @Test
    void shouldPageNewestFirstWhenListIsLongerThanLimit() {
        String user = newUser();
        sayAll(user, List.of("I live in Rome.", "I love jazz.", "My dog's name is Rex."));

        JsonNode first = getJson(user, "/api/v1/memories?limit=2");
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("items").get(0).get("text").asString()).isEqualTo("User's dog is called Rex");
        JsonNode second = getJson(user, "/api/v1/memories?limit=2&cursor=" + first.get("nextCursor").asString());
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("items").get(0).get("text").asString()).isEqualTo("User lives in Rome");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(getJson(user, "/api/v1/memories?category=pets").get("items").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "limit=abc", "category=nonsense", "includeArchived=maybe",
            "cursor=not-a-cursor", "query=x&cursor=bm9wZQ"})
    void shouldAnswerBadRequestWhenParameterIsInvalid(String parameter) {
        http.get().uri("/api/v1/memories?" + parameter).header("Authorization", bearer(newUser())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.traceId").exists();
    }

    @Test
    void shouldAnswerBadRequestWhenPatchIsEmptyOrRecallQuestionIsBlank() {
        String user = newUser();
        http.patch().uri("/api/v1/memories/" + UUID.randomUUID()).header("Authorization", bearer(user))
                .bodyValue(Map.of()).exchange().expectStatus().isBadRequest();
        http.post().uri("/internal/v1/recall").header("Authorization", bearer(user))
                .bodyValue(Map.of("question", " ")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("question");
    }

    @Test
    void shouldAnswerUnauthorizedWhenNoTokenIsSent() {
        http.get().uri("/api/v1/memories").exchange().expectStatus().isUnauthorized();
        http.post().uri("/internal/v1/recall").bodyValue(Map.of("question", "hi")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldExportMemoriesWithHistoryAndMoodsWhenAsked() {
        String user = newUser();
        sayAll(user, List.of("My sister lives in London.", "My sister moved to Paris.", "I work at Google.",
                "I don't work at Google anymore."));

        JsonNode export = getJson(user, "/internal/v1/export");
        assertThat(export.get("memories").size()).isEqualTo(2);
        assertThat(export.get("memories").valueStream().filter(m -> m.get("archived").asBoolean()).count()).isEqualTo(1);
        assertThat(export.get("memories").valueStream().allMatch(m -> m.has("history"))).isTrue();
        assertThat(export.get("moods").size()).isEqualTo(4);
    }

    @Test
    void shouldStampLastRecalledAtWhenMemoryIsRecalled() {
        String user = newUser();
        sayAll(user, List.of("I have a cat called Miso."));
        assertThat(memoriesOf(user).get(0).get("lastRecalledAt").isNull()).isTrue();

        List<JsonNode> recalled = recall(user, "What's my cat called?");

        assertThat(recalled).hasSize(1);
        assertThat(recalled.get(0).get("confidence").asDouble()).isBetween(0.5, 1.0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(memoriesOf(user).get(0).get("lastRecalledAt").isNull()).isFalse());
    }

    @Test
    void shouldStampLastRecalledAtWhenMemoryIsFoundByFreeTextRecall() {
        String user = newUser();
        sayAll(user, List.of("I love jazz.", "I'm allergic to peanuts."));

        List<JsonNode> recalled = recall(user, "anything about jazz?");

        assertThat(recalled).isNotEmpty();
        String id = recalled.get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(memoriesOf(user))
                .filteredOn(m -> m.get("id").asString().equals(id))
                .allSatisfy(m -> assertThat(m.get("lastRecalledAt").isNull()).isFalse()));
        assertThat(memoriesOf(user)).filteredOn(m -> m.get("text").asString().contains("peanuts"))
                .allSatisfy(m -> assertThat(m.get("lastRecalledAt").isNull()).isTrue());
    }

    private String firstTextFor(String user, String query) {
        JsonNode items = getJson(user, "/api/v1/memories?query=" + query).get("items");
        assertThat(items.size()).isPositive();
        return items.get(0).get("text").asString();
    }
}
