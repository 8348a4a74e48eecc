package dev.jumbo.memory.recall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Recall of questions without a subject/relation intent: the embedding ranking picks the memories close enough
 * (cosine ≥ recall-min-confidence), full text and trigram rank only those.
 */
class RecallFallbackIntegrationTests extends MemoryIntegrationTest {

    @Test
    void shouldPutTheMemoryNamingTheWordFirstWhenQuestionHasNoIntent() {
        String user = newUser();
        sayAll(user, List.of("I love blues.", "I love jazz.", "My sister lives in Paris.", "I'm allergic to peanuts."));

        List<JsonNode> recalled = recall(user, "anything about jazz?");

        assertThat(recalled).isNotEmpty();
        assertThat(recalled.get(0).get("values").toString()).contains("jazz");
        assertThat(recalled).allSatisfy(m -> assertThat(m.get("confidence").asDouble()).isBetween(0.5, 1.0));
        assertThat(recalledValues(recalled)).doesNotContain("peanuts");
    }

    @Test
    void shouldReturnNothingWhenNoMemoryIsCloseEnough() {
        String user = newUser();
        sayAll(user, List.of("I have a dog called Rex.", "I live in Berlin."));

        assertThat(recall(user, "quantum chromodynamics lecture slides")).isEmpty();
    }

    @Test
    void shouldLeaveArchivedMemoriesOutWhenFallingBackToSearch() {
        String user = newUser();
        sayAll(user, List.of("I work at Google.", "I don't work at Google anymore.", "I love hiking."));

        String recalled = recalledValues(recall(user, "Google job"));

        assertThat(recalled).doesNotContain("Google");
    }
}
