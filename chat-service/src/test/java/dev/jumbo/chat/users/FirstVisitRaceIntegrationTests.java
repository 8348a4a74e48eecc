package dev.jumbo.chat.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jumbo.chat.support.ChatIntegrationTest;
import dev.jumbo.test.SharedInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A new user's first request while the account event (user-registered) inserts the same user: the request's insert
 * waits for the event's transaction, finds the row taken, and its own read predates the row. It must still answer
 * in full (it once answered 200 with no body, and a first chat message was lost).
 */
class FirstVisitRaceIntegrationTests extends ChatIntegrationTest {

    @Test
    void shouldGreetInFullWhenTheAccountEventCreatesTheUserDuringTheFirstVisit() throws Exception {
        User user = newUser("first.visit");
        JsonNode greeting = whileTheAccountEventInsertsTheUser(user, () -> greeting(user));

        assertThat(greeting.get("needsName").asBoolean()).isTrue();
        assertThat(greeting.get("message").asString()).contains("from.the.event");
    }

    @Test
    void shouldStoreTheFirstMessageWhenTheAccountEventCreatesTheUserDuringIt() throws Exception {
        User user = newUser("first.message");
        JsonNode turn = whileTheAccountEventInsertsTheUser(user, () -> say(user, "My sister lives in London."));

        assertThat(turn.get("reply").asString()).isNotBlank();
        assertThat(count("SELECT count(*) FROM messages WHERE user_id = :userId", user.id())).isEqualTo(2);
    }

    private <T> T whileTheAccountEventInsertsTheUser(User user, Supplier<T> request) throws Exception {
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        String schema = database.sql("SELECT current_schema()").map(row -> row.get(0, String.class)).one().block();
        try (Connection account = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            account.setAutoCommit(false);
            try (PreparedStatement insert = account.prepareStatement(
                    "INSERT INTO " + schema + ".users (user_id, username) VALUES (?, ?)")) {
                insert.setString(1, user.id());
                insert.setString(2, "from.the.event");
                insert.executeUpdate();
            }
            CompletableFuture<T> answer = CompletableFuture.supplyAsync(request);
            await().atMost(Duration.ofSeconds(30)).until(() -> answer.isDone() || waitingOnTheEvent() > 0);
            account.commit();
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    private long waitingOnTheEvent() {
        return database.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO users (user_id, username)%'""")
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
