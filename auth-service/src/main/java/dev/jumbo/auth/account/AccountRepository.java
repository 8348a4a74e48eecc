package dev.jumbo.auth.account;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class AccountRepository {

    private static final String SELECT = """
            SELECT u.id, u.email, u.password_hash, u.created_at, p.username, p.preferred_name
            FROM users u JOIN profiles p ON p.user_id = u.id""";

    private final DatabaseClient database;

    AccountRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Inserts the account and its profile; {@code false} when the email (ignoring case) is taken. */
    public Mono<Boolean> insert(UUID id, EmailAddress email, String passwordHash, String username, Instant at) {
        return database.sql("""
                        INSERT INTO users (id, email, password_hash, created_at) VALUES (:id, :email, :hash, :at)
                        ON CONFLICT ((lower(email))) DO NOTHING""")
                .bind("id", id).bind("email", email.value()).bind("hash", passwordHash).bind("at", at)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : database.sql("""
                                INSERT INTO profiles (user_id, username, updated_at) VALUES (:id, :username, :at)""")
                        .bind("id", id).bind("username", username).bind("at", at)
                        .then().thenReturn(true));
    }

    public Mono<Account> findByEmail(EmailAddress email) {
        return database.sql(SELECT + " WHERE lower(u.email) = :key")
                .bind("key", email.key())
                .map(AccountRepository::account).one();
    }

    public Mono<Account> findById(UUID id) {
        return database.sql(SELECT + " WHERE u.id = :id")
                .bind("id", id)
                .map(AccountRepository::account).one();
    }

    /** Deletes the account; its profile, login sessions and refresh tokens go with it (ON DELETE CASCADE). */
    public Mono<Boolean> delete(UUID id) {
        return database.sql("DELETE FROM users WHERE id = :id").bind("id", id)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static Account account(Readable row) {
        return new Account(row.get("id", UUID.class), row.get("email", String.class),
                row.get("password_hash", String.class), row.get("username", String.class),
                row.get("preferred_name", String.class), row.get("created_at", Instant.class));
    }
}
