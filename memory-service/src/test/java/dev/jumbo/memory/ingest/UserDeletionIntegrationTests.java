package dev.jumbo.memory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import dev.jumbo.test.ContractExamples;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class UserDeletionIntegrationTests extends MemoryIntegrationTest {

    @Test
    void shouldEraseEverythingOfTheUserAndNothingElseWhenUserIsDeleted() {
        String user = newUser();
        String other = newUser();
        sayAll(user, List.of("My sister lives in London.", "My sister moved to Paris.", "I have a dog called Rex."));
        sayAll(other, List.of("My sister lives in Oslo."));
        assertThat(recall(user, "What's my dog's name?")).isNotEmpty(); // warms this replica's vector cache

        ContractExamples.Example example = ContractExamples.load("auth.users.v1", "user-deleted.v1");
        ObjectNode payload = (ObjectNode) example.payload().deepCopy();
        payload.put("userId", user);
        String eventId = UUID.randomUUID().toString();
        publish(example, user, eventId, JSON.writeValueAsString(payload));

        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) AS n FROM memories WHERE user_id = :v", user) == 0);
        assertThat(count("SELECT count(*) AS n FROM memory_history WHERE user_id = :v", user)).isZero();
        assertThat(count("SELECT count(*) AS n FROM mood_entries WHERE user_id = :v", user)).isZero();
        assertThat(count("SELECT count(*) AS n FROM memory_versions WHERE user_id = :v", user)).isZero();
        assertThat(count("SELECT count(*) AS n FROM processed_events WHERE subject = :v", user)).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM processed_events WHERE event_id = :v", eventId)).isEqualTo(1);
        assertThat(recall(user, "What's my dog's name?")).isEmpty();
        assertThat(memoriesOf(user)).isEmpty();
        assertThat(getJson(user, "/api/v1/memories/moods").get("entries").size()).isZero();

        assertThat(memoriesOf(other)).hasSize(1);
        assertThat(count("SELECT count(*) AS n FROM mood_entries WHERE user_id = :v", other)).isEqualTo(1);
    }

    @Test
    void shouldIgnoreOtherAuthEventsWhenTheyArrive() {
        String user = newUser();
        sayAll(user, List.of("I live in Rome."));
        ContractExamples.Example registered = ContractExamples.load("auth.users.v1", "user-registered.v1");
        ObjectNode payload = (ObjectNode) registered.payload().deepCopy();
        payload.put("userId", user);
        publish(registered, user, UUID.randomUUID().toString(), JSON.writeValueAsString(payload));
        // a later message of the same user is processed after the ignored event (same key, same partition)
        sayAll(user, List.of("I love jazz."));

        assertThat(memoriesOf(user)).hasSize(2);
    }
}
