package dev.jumbo.chat.users;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code users} projection: fed by auth events, created on first contact, updated when a name is stated. */
@Repository
public class ChatUsers {

    private final DatabaseClient database;

    public ChatUsers(DatabaseClient database) {
        this.database = database;
    }

    /** The user's row, created from the token's username when no auth event has arrived yet. */
    public Mono<ChatUser> findOrCreate(String userId, String usernameFromToken) {
        Mono<ChatUser> once = database.sql("""
                        WITH created AS (
                            INSERT INTO users (user_id, username) VALUES (:userId, :username)
                            ON CONFLICT (user_id) DO NOTHING
                            RETURNING user_id, username, preferred_name, awaiting_name)
                        SELECT * FROM created
                        UNION ALL
                        SELECT user_id, username, preferred_name, awaiting_name FROM users WHERE user_id = :userId""")
                .bind("userId", userId)
                .bind("username", usernameFromToken == null ? "" : usernameFromToken)
                .map(row -> new ChatUser(row.get("user_id", String.class), blankToNull(row.get("username", String.class)),
                        row.get("preferred_name", String.class), Boolean.TRUE.equals(row.get("awaiting_name", Boolean.class))))
                .first();
        return onceMore(once, userId);
    }

    /**
     * Runs an insert-or-read of the user's row a second time when it found nothing. When an account event inserts the
     * row at the same moment, {@code ON CONFLICT DO NOTHING} waits for it and returns nothing, and the statement's
     * read cannot see a row committed after the statement began; a new statement can.
     */
    public static <T> Mono<T> onceMore(Mono<T> insertOrRead, String userId) {
        return insertOrRead.switchIfEmpty(insertOrRead)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No users row for " + userId + " after two reads")));
    }

    public Mono<Void> setAwaitingName(String userId, boolean awaiting) {
        return database.sql("UPDATE users SET awaiting_name = :awaiting, updated_at = now() WHERE user_id = :userId")
                .bind("awaiting", awaiting).bind("userId", userId).then();
    }

    /** From auth events: the account's username, and its preferred name when the event carries one. */
    public Mono<Void> upsertFromAccount(String userId, String username, String preferredName) {
        var spec = database.sql("""
                        INSERT INTO users (user_id, username, preferred_name) VALUES (:userId, :username, :name)
                        ON CONFLICT (user_id) DO UPDATE SET username = EXCLUDED.username,
                            preferred_name = COALESCE(EXCLUDED.preferred_name, users.preferred_name),
                            awaiting_name = users.awaiting_name AND EXCLUDED.preferred_name IS NULL,
                            updated_at = now()""")
                .bind("userId", userId)
                .bind("username", username == null ? "" : username);
        spec = preferredName == null || preferredName.isBlank() ? spec.bindNull("name", String.class)
                : spec.bind("name", preferredName);
        return spec.then();
    }

    public Mono<Void> delete(String userId) {
        return database.sql("DELETE FROM users WHERE user_id = :userId").bind("userId", userId).then();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
