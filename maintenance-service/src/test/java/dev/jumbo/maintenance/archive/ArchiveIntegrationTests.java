package dev.jumbo.maintenance.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArchiveIntegrationTests extends MaintenanceIntegrationTest {

    private final Random random = new Random(3);

    @Test
    void shouldArchiveExactlyTheStaleUnimportantMemoriesWhenArchiveRuns() {
        String user = newUser();
        Instant now = Instant.now();
        UUID staleLike = insert(memory(user, "User likes jazz", "preferences", "user", "likes").created(daysAgo(now, 200)));
        UUID stalePlan = insert(memory(user, "User plans to visit Rome", "plans", "user", "plans")
                .created(daysAgo(now, 400)).recalled(daysAgo(now, 181)));
        UUID staleAllergy = insert(memory(user, "User is allergic to peanuts", "health", "user", "allergic_to").created(daysAgo(now, 300)));
        UUID staleBirthday = insert(memory(user, "User's birthday is on 3 May", "dates", "user", "birthday").created(daysAgo(now, 300)));
        UUID stalePerson = insert(memory(user, "User's sister lives in Paris", "relationships", "sister", "lives_in").created(daysAgo(now, 300)));
        UUID freshLike = insert(memory(user, "User likes tea", "preferences", "user", "likes").created(daysAgo(now, 10)));
        UUID recalledLike = insert(memory(user, "User likes chess", "preferences", "user", "likes")
                .created(daysAgo(now, 400)).recalled(daysAgo(now, 5)));
        UUID almostStale = insert(memory(user, "User works at Acme", "work", "user", "works_at").created(daysAgo(now, 179)));

        JsonNode run = runJob("archive");

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(archived(user)).containsExactlyInAnyOrder(staleLike, stalePlan);
        assertThat(active(user)).containsExactlyInAnyOrder(staleAllergy, staleBirthday, stalePerson, freshLike, recalledLike, almostStale);
        assertThat(count("SELECT count(*) AS n FROM memory.memory_history WHERE user_id = :v AND change = 'archived'", user)).isEqualTo(2);
        assertThat(count("SELECT count(*) AS n FROM outbox WHERE subject = :v AND event_type = 'dev.jumbo.memory.memory-updated.v1'", user))
                .isEqualTo(2);
        // memory-service replicas see a new version of this user's memories (its value comes from a sequence)
        assertThat(count("SELECT count(*) AS n FROM memory.memory_versions WHERE user_id = :v AND version > 0", user))
                .isEqualTo(1);
    }

    @Test
    void shouldLeaveAnAlreadyArchivedMemoryAsItWasWhenArchiveRunsAgain() {
        String user = newUser();
        UUID stale = insert(memory(user, "User likes opera", "preferences", "user", "likes").created(daysAgo(Instant.now(), 365)));
        runJob("archive");
        OffsetDateTime first = archivedAt(stale);

        runJob("archive");

        assertThat(archivedAt(stale)).isEqualTo(first);
        assertThat(count("SELECT count(*) AS n FROM memory.memory_history WHERE user_id = :v", user)).isEqualTo(1);
    }

    private NewMemory memory(String user, String text, String category, String subject, String relation) {
        return NewMemory.of(user, text, category, subject, relation, List.of(text.substring(text.lastIndexOf(' ') + 1)),
                randomVector(random));
    }

    private static Instant daysAgo(Instant now, int days) {
        return now.minus(days, ChronoUnit.DAYS);
    }

    private List<UUID> archived(String user) {
        return database.sql("SELECT id FROM memory.memories WHERE user_id = :u AND archived_at IS NOT NULL").bind("u", user)
                .map(row -> row.get("id", UUID.class)).all().collectList().block();
    }

    private List<UUID> active(String user) {
        return database.sql("SELECT id FROM memory.memories WHERE user_id = :u AND archived_at IS NULL").bind("u", user)
                .map(row -> row.get("id", UUID.class)).all().collectList().block();
    }

    private OffsetDateTime archivedAt(UUID id) {
        return database.sql("SELECT archived_at FROM memory.memories WHERE id = :id").bind("id", id)
                .map(row -> row.get("archived_at", OffsetDateTime.class)).one().block();
    }
}
