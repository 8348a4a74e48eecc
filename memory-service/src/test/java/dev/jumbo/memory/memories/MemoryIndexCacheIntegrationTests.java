package dev.jumbo.memory.memories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import dev.jumbo.test.ContractExamples;
import dev.jumbo.test.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
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

    @LocalServerPort
    private int port;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private MemoryIndexCache replica() {
        return new MemoryIndexCache(repository, 100_000, clock::get, meters);
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
    void shouldLoadTheIndexWhileTheQuestionIsEmbeddedWhenNothingIsCached() throws Exception {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin."));
        Sinks.One<String> embedding = Sinks.one();

        CompletableFuture<String> answer = replica.onCurrentIndex(user, embedding.asMono(),
                (index, vector) -> Mono.just(texts(index).get(0) + " " + vector)).toFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.cachedIndexOf(user) != null);
        embedding.tryEmitValue("[0.1]");

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("User lives in Berlin [0.1]");
        assertThat(refreshes("full")).isEqualTo(1);
    }

    @Test
    void shouldRefreshWhileTheQuestionIsEmbeddedAndEmbedItOnceWhenTheCachedCopyIsStale() throws Exception {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin."));
        MemoryIndex stale = replica.indexOf(user).block();
        sayAll(user, List.of("I have a dog called Rex."));
        Sinks.One<String> embedding = Sinks.one();
        AtomicInteger embeddings = new AtomicInteger();
        List<MemoryIndex> seen = new CopyOnWriteArrayList<>();

        CompletableFuture<Integer> answer = replica.onCurrentIndex(user,
                embedding.asMono().doOnSubscribe(subscription -> embeddings.incrementAndGet()), (index, vector) -> {
                    seen.add(index);
                    return Mono.just(index.size());
                }).toFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.cachedIndexOf(user) != stale);
        embedding.tryEmitValue("[0.1]");

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(seen).hasSize(2).first().isSameAs(stale);
        assertThat(embeddings).hasValue(1);
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

    @Test
    void shouldLoadTheIndexWhenChatServiceGivesUpOnTheFirstFreeTextRecall() throws Exception {
        String user = newUser();
        sayAll(user, List.of("I love jazz.", "I have a dog called Rex."));
        service.invalidate(user);
        WebClient chatService = WebClient.create("http://localhost:" + port);

        try (Connection lock = lockMemoriesTable()) {
            Disposable recall = chatService.post().uri("/internal/v1/recall")
                    .header("Authorization", bearer(user))
                    .bodyValue(Map.of("question", "anything about jazz?", "limit", 5))
                    .retrieve().bodyToMono(String.class)
                    .subscribe();
            await().atMost(Duration.ofSeconds(30)).until(() -> loadsWaitingOnTheLock() > 0);
            recall.dispose();
            lock.commit();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> service.cachedIndexOf(user) != null);
        assertThat(texts(service.cachedIndexOf(user))).contains("User likes jazz", "User's dog is called Rex");
    }

    @Test
    void shouldWaitForTheRunningLoadWhenAnotherRequestNeedsTheSameIndex() throws Exception {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin.", "I have a dog called Rex."));

        CompletableFuture<MemoryIndex> first;
        CompletableFuture<MemoryIndex> second;
        try (Connection lock = lockMemoriesTable()) {
            first = replica.indexOf(user).toFuture();
            await().atMost(Duration.ofSeconds(30)).until(() -> loadsWaitingOnTheLock() > 0);
            second = replica.indexOf(user).toFuture();
            await().atMost(Duration.ofSeconds(30)).until(() -> refreshes("full") + refreshes("joined") == 2);
            lock.commit();
        }

        assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
        assertThat(first.get().size()).isEqualTo(2);
        assertThat(refreshes("full")).isEqualTo(1);
        assertThat(refreshes("joined")).isEqualTo(1);
    }

    @Test
    void shouldRefreshAgainWhenTheRunningLoadIsOlderThanTheVersionARequestSaw() throws Exception {
        String user = newUser();
        MemoryIndexCache replica = replica();
        sayAll(user, List.of("I live in Berlin."));

        CompletableFuture<MemoryIndex> first;
        CompletableFuture<MemoryIndex> second;
        try (Connection lock = lockMemoriesTable()) {
            first = replica.indexOf(user).toFuture();
            await().atMost(Duration.ofSeconds(30)).until(() -> loadsWaitingOnTheLock() > 0);
            repository.bumpVersion(user).block();
            second = replica.indexOf(user).toFuture();
            await().atMost(Duration.ofSeconds(30)).until(() -> refreshes("joined") == 1);
            lock.commit();
        }

        long seen = repository.version(user).block().version();
        assertThat(first.get(10, TimeUnit.SECONDS).version()).isLessThan(seen);
        assertThat(second.get(10, TimeUnit.SECONDS).version()).isEqualTo(seen);
        assertThat(refreshes("incremental")).isEqualTo(1);
    }

    /** Holds an exclusive lock on the memories table, so a load waits while version checks still pass. */
    private Connection lockMemoriesTable() throws Exception {
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        String schema = database.sql("SELECT current_schema()").map(row -> row.get(0, String.class)).one().block();
        Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + schema + ".memories IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    private long loadsWaitingOnTheLock() {
        return database.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE '%change_seq > %'""")
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private double refreshes(String kind) {
        return meters.counter("jumbo.memory.index.refreshes", "kind", kind).count();
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
