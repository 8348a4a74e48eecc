package dev.jumbo.maintenance.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import dev.jumbo.test.ContractExamples;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DedupIntegrationTests extends MaintenanceIntegrationTest {

    private final Random random = new Random(7);

    @Test
    void shouldMergeNearDuplicatesIntoTheMostCompleteAndLeaveDistinctFactsAlone() {
        String user = newUser();
        float[] friends = randomVector(random);
        UUID complete = insert(NewMemory.of(user, "User's friends are Charvik and Devansh", "relationships", "friends",
                "name", List.of("Charvik", "Devansh"), friends).created(Instant.now().minus(3, ChronoUnit.DAYS)));
        UUID partial = insert(NewMemory.of(user, "User's friends are Charvik", "relationships", "friends", "name",
                List.of("Charvik"), near(friends, 0.15, random))
                .created(Instant.now().minus(10, ChronoUnit.DAYS)).recalled(Instant.now().minus(1, ChronoUnit.DAYS)));
        float[] sister = randomVector(random);
        UUID paris = insert(NewMemory.of(user, "User's sister lives in Paris", "relationships", "sister", "lives_in",
                List.of("Paris"), sister));
        UUID london = insert(NewMemory.of(user, "User's sister lives in London", "relationships", "sister", "lives_in",
                List.of("London"), near(sister, 0.15, random)));
        UUID jazz = insert(NewMemory.of(user, "User likes jazz", "preferences", "user", "likes", List.of("jazz"),
                randomVector(random)));
        UUID dog = insert(NewMemory.of(user, "User's dog is called Biscuit", "pets", "dog", "name", List.of("Biscuit"),
                randomVector(random)));
        long versionBefore = version(user);

        JsonNode run = runJob("dedup");

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("stats").get("merged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.get("stats").get("skipped").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.get("stats").get("pairsFound").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(ids(user)).containsExactlyInAnyOrder(complete, paris, london, jazz, dog);

        assertThat(database.sql("SELECT change, text FROM memory.memory_history WHERE memory_id = :id")
                .bind("id", complete).map(row -> row.get("change", String.class) + ":" + row.get("text", String.class))
                .all().collectList().block())
                .containsExactly("merged:User's friends are Charvik");
        Instant createdAt = database.sql("SELECT created_at, last_recalled_at FROM memory.memories WHERE id = :id")
                .bind("id", complete).map(row -> row.get("last_recalled_at", java.time.OffsetDateTime.class)).one().block()
                .toInstant();
        assertThat(createdAt).isAfter(Instant.now().minus(2, ChronoUnit.DAYS)); // the merged one's recall is kept
        assertThat(version(user)).isGreaterThan(versionBefore);
        assertThat(outboxTypes(user)).containsExactlyInAnyOrder(
                "dev.jumbo.memory.memory-deleted.v1", "dev.jumbo.memory.memory-updated.v1");
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE payload LIKE :v",
                "%\"memoryId\":\"" + partial + "\"%")).isEqualTo(1);
    }

    @Test
    void shouldNotMergeWhenOnlyTheTextsLookAlike() {
        String user = newUser();
        UUID likes = insert(NewMemory.of(user, "User likes cats", "preferences", "user", "likes", List.of("cats"),
                randomVector(random)));
        UUID dislikes = insert(NewMemory.of(user, "User dislikes cats", "preferences", "user", "dislikes", List.of("cats"),
                randomVector(random)));

        runJob("dedup");

        assertThat(ids(user)).containsExactlyInAnyOrder(likes, dislikes);
        assertThat(outboxTypes(user)).isEmpty();
    }

    @Test
    void shouldDedupTheUserOnceWhenMemoryAddedArrives() {
        String user = newUser();
        float[] dog = randomVector(random);
        UUID kept = insert(NewMemory.of(user, "User has a dog called Biscuit", "pets", "user", "has",
                List.of("dog", "Biscuit"), dog));
        UUID added = insert(NewMemory.of(user, "User's dog is called Biscuit", "pets", "dog", "name",
                List.of("Biscuit"), near(dog, 0.2, random)));

        ContractExamples.Example example = ContractExamples.load("memory.memories.v1", "memory-added.v1");
        ObjectNode payload = (ObjectNode) example.payload().deepCopy();
        payload.put("userId", user);
        payload.put("memoryId", added.toString());
        String eventId = UUID.randomUUID().toString();
        publish(example, user, eventId, JSON.writeValueAsString(payload));
        publish(example, user, eventId, JSON.writeValueAsString(payload)); // redelivered

        await().atMost(Duration.ofSeconds(20)).until(() -> ids(user).equals(List.of(kept)));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) AS n FROM processed_events WHERE event_id = :v", eventId) == 1);
        assertThat(outboxTypes(user)).containsExactlyInAnyOrder(
                "dev.jumbo.memory.memory-deleted.v1", "dev.jumbo.memory.memory-updated.v1");
    }

    private List<UUID> ids(String user) {
        return database.sql("SELECT id FROM memory.memories WHERE user_id = :user ORDER BY id").bind("user", user)
                .map(row -> row.get("id", UUID.class)).all().collectList().block();
    }

    private long version(String user) {
        return database.sql("SELECT version FROM memory.memory_versions WHERE user_id = :user").bind("user", user)
                .map(row -> row.get("version", Long.class)).one().defaultIfEmpty(0L).block();
    }

    private List<String> outboxTypes(String user) {
        return database.sql("SELECT event_type FROM outbox WHERE subject = :user ORDER BY id").bind("user", user)
                .map(row -> row.get("event_type", String.class)).all().collectList().block();
    }
}
