package dev.jumbo.memory.memories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import dev.jumbo.test.ContractExamples;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The incremental vector cache against the real database. {@code replica} is a second cache over the same
 * database that nobody invalidates, as on another replica: it may only learn of changes through the version check.
 */
class MemoryIndexCacheIntegrationTests extends MemoryIntegrationTest {

    @Autowired
    private MemoryRepository repository;

    /** This replica's own cache, the one its ingestion and API writes go through. */
    @Autowired
    private MemoryIndexCache service;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private MemoryIndexCache replica() {
        return new MemoryIndexCache(repository, 100_000, clock::get);
    }

    @Test
    void shouldApplyOnlyTheNewMemoryWhenUserStatesAnotherFact() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin."));
        MemoryIndex first = replica.indexOf(user).block();
        clock.addAndGet(1_000);

        sayAll(user, List.of("I have a dog called Rex."));
        MemoryIndex second = replica.indexOf(user).block();

        assertThat(first.size()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.loadedAtNanos()).isEqualTo(first.loadedAtNanos());
        assertThat(second.version()).isGreaterThan(first.version());
        assertThat(second.changeSeq()).isGreaterThan(first.changeSeq());
        assertThat(texts(second)).contains("User lives in Berlin", "User's dog is called Rex");
        assertThat(repository.indexChanges(user, first.changeSeq()).collectList().block()).hasSize(1);
    }

    @Test
    void shouldRefreshIncrementallyWhenThisReplicaIngestsAFactOrEditsAMemory() {
        String user = newUser();
        sayAll(user, List.of("I live in Berlin."));
        MemoryIndex first = service.indexOf(user).block();

        sayAll(user, List.of("I have a dog called Rex."));
        UUID berlin = first.memoriesIds().get(0);
        http.patch().uri("/api/v1/memories/" + berlin).header("Authorization", bearer(user))
                .bodyValue(Map.of("text", "User lives in Berlin-Mitte")).exchange().expectStatus().isOk();
        MemoryIndex second = service.indexOf(user).block();

        assertThat(second.size()).isEqualTo(2);
        assertThat(texts(second)).contains("User lives in Berlin-Mitte", "User's dog is called Rex");
        assertThat(second.loadedAtNanos()).isEqualTo(first.loadedAtNanos());
    }

    @Test
    void shouldRankOnlyTheCachedCopyWhenTheVersionCheckFindsItCurrent() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin."));
        MemoryIndex cached = replica.indexOf(user).block();
        List<MemoryIndex> seen = new CopyOnWriteArrayList<>();

        Integer size = replica.onCurrentIndex(user, index -> {
            seen.add(index);
            return Mono.just(index.size());
        }).block();

        assertThat(size).isEqualTo(1);
        assertThat(seen).containsExactly(cached);
    }

    @Test
    void shouldRankTheRefreshedIndexAgainWhenAnotherReplicaWroteWhileTheCachedCopyWasRanked() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin."));
        MemoryIndex stale = replica.indexOf(user).block();
        sayAll(user, List.of("I have a dog called Rex."));
        List<MemoryIndex> seen = new CopyOnWriteArrayList<>();

        List<String> answer = replica.onCurrentIndex(user, index -> {
            seen.add(index);
            return Mono.just(texts(index));
        }).block();

        assertThat(answer).contains("User lives in Berlin", "User's dog is called Rex");
        assertThat(seen).hasSize(2).first().isSameAs(stale);
    }

    @Test
    void shouldServeNewTextAndVectorWhenMemoryIsUpdatedElsewhere() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin."));
        MemoryIndex before = replica.indexOf(user).block();
        UUID id = before.memoriesIds().get(0);
        float[] berlin = before.vectorOf(id);

        sayAll(user, List.of("I just moved to Munich."));
        MemoryIndex after = replica.indexOf(user).block();

        assertThat(after.size()).isEqualTo(1);
        assertThat(after.get(id).text()).isEqualTo("User lives in Munich");
        assertThat(after.vectorOf(id)).isNotEqualTo(berlin);
        assertThat(after.loadedAtNanos()).isEqualTo(before.loadedAtNanos());
    }

    @Test
    void shouldMarkMemoryArchivedWhenItIsArchivedThroughTheApi() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I love jazz."));
        UUID id = replica.indexOf(user).block().memoriesIds().get(0);

        http.patch().uri("/api/v1/memories/" + id).header("Authorization", bearer(user))
                .bodyValue(Map.of("archived", true)).exchange().expectStatus().isOk();

        assertThat(replica.indexOf(user).block().get(id).archived()).isTrue();
    }

    @Test
    void shouldDropMemoryWhenItIsDeletedThroughTheApi() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin.", "I have a dog called Rex."));
        MemoryIndex before = replica.indexOf(user).block();
        UUID gone = before.memoriesIds().get(0);

        http.delete().uri("/api/v1/memories/" + gone).header("Authorization", bearer(user))
                .exchange().expectStatus().isNoContent();
        MemoryIndex after = replica.indexOf(user).block();

        assertThat(after.size()).isEqualTo(1);
        assertThat(after.get(gone)).isNull();
        assertThat(after.loadedAtNanos()).isEqualTo(before.loadedAtNanos());
        assertThat(count("SELECT count(*) AS n FROM memory_deletions WHERE memory_id = :v", gone)).isEqualTo(1);
    }

    @Test
    void shouldKeepVersionWhenMemoryIsOnlyRecalled() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I have a cat called Miso."));
        MemoryIndex before = replica.indexOf(user).block();

        assertThat(recall(user, "What's my cat called?")).hasSize(1);
        assertThat(recall(user, "cat called Miso")).isNotEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> !memoriesOf(user).get(0).get("lastRecalledAt").isNull());

        assertThat(replica.indexOf(user).block()).isSameAs(before);
        assertThat(repository.indexChanges(user, before.changeSeq()).collectList().block()).isEmpty();
    }

    @Test
    void shouldStartAfreshWhenUserWasErasedAndTalksAgain() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin.", "I have a dog called Rex."));
        MemoryIndex before = replica.indexOf(user).block();

        erase(user);
        MemoryIndex erased = replica.indexOf(user).block();
        sayAll(user, List.of("I love jazz."));
        MemoryIndex after = replica.indexOf(user).block();

        assertThat(before.size()).isEqualTo(2);
        assertThat(erased.size()).isZero();
        assertThat(after.size()).isEqualTo(1);
        assertThat(texts(after)).containsExactly("User likes jazz");
        assertThat(after.epoch()).isNotEqualTo(before.epoch());
        assertThat(count("SELECT count(*) AS n FROM memory_deletions WHERE user_id = :v", user)).isZero();
    }

    @Test
    void shouldReloadInFullWhenCachedIndexIsOlderThanTombstonesAreKept() {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin."));
        MemoryIndex before = replica.indexOf(user).block();
        clock.addAndGet(MemoryIndexCache.FULL_RELOAD_AFTER.toNanos() + 1);

        sayAll(user, List.of("I love jazz."));
        MemoryIndex after = replica.indexOf(user).block();

        assertThat(after.size()).isEqualTo(2);
        assertThat(after.loadedAtNanos()).isGreaterThan(before.loadedAtNanos());
    }

    private void erase(String user) {
        ContractExamples.Example example = ContractExamples.load("auth.users.v1", "user-deleted.v1");
        ObjectNode payload = (ObjectNode) example.payload().deepCopy();
        payload.put("userId", user);
        publish(example, user, UUID.randomUUID().toString(), JSON.writeValueAsString(payload));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) AS n FROM memory_versions WHERE user_id = :v", user) == 0);
    }

    private static List<String> texts(MemoryIndex index) {
        return index.memoriesIds().stream().map(id -> index.get(id).text()).toList();
    }
}
