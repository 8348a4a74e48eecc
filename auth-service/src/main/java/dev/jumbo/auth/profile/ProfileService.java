package dev.jumbo.auth.profile;

import dev.jumbo.auth.account.Account;
import dev.jumbo.auth.account.AccountRepository;
import dev.jumbo.auth.account.Roles;
import dev.jumbo.auth.events.UserEvents;
import dev.jumbo.platform.outbox.OutboxEvent;
import dev.jumbo.platform.outbox.OutboxWriter;
import dev.jumbo.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Reading and changing one's own profile, and deleting the account. */
@Service
public class ProfileService {

    private final AccountRepository accounts;
    private final DatabaseClient database;
    private final Roles roles;
    private final OutboxWriter outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    ProfileService(AccountRepository accounts, DatabaseClient database, Roles roles, OutboxWriter outbox,
                   TransactionalOperator transactions, Clock clock) {
        this.accounts = accounts;
        this.database = database;
        this.roles = roles;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The profile of {@code userId}; 404 when the account no longer exists. */
    public Mono<Profile> get(UUID userId) {
        return accounts.findById(userId).map(this::profile).switchIfEmpty(Mono.error(ProfileService::notFound));
    }

    /** Sets the preferred name (already cleaned) and publishes {@code profile-updated}; 404 when the account is gone. */
    public Mono<Profile> changePreferredName(UUID userId, String preferredName) {
        return transactions.transactional(setPreferredName(userId, preferredName)
                        .flatMap(updated -> updated ? get(userId) : Mono.empty()))
                .switchIfEmpty(Mono.error(ProfileService::notFound));
    }

    /**
     * Sets the preferred name and appends {@code profile-updated}, in the caller's transaction.
     * @return {@code false} when the account does not exist (any more)
     */
    public Mono<Boolean> setPreferredName(UUID userId, String preferredName) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.sql("""
                        UPDATE profiles SET preferred_name = :name, updated_at = :now WHERE user_id = :id
                        RETURNING username""")
                .bind("name", preferredName).bind("now", now).bind("id", userId)
                .map(row -> row.get("username", String.class)).one()
                .flatMap(username -> outbox.append(new OutboxEvent(UserEvents.TOPIC, UserEvents.PROFILE_UPDATED,
                                userId.toString(), new UserEvents.ProfileUpdated(userId, username, preferredName,
                                        now.truncatedTo(ChronoUnit.SECONDS))))
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** Deletes the account with everything auth-service holds about it, and publishes {@code user-deleted}. */
    public Mono<Void> delete(UUID userId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return transactions.transactional(accounts.delete(userId)
                .flatMap(deleted -> deleted
                        ? outbox.append(new OutboxEvent(UserEvents.TOPIC, UserEvents.USER_DELETED, userId.toString(),
                                new UserEvents.UserDeleted(userId, now))).then()
                        : Mono.error(notFound())));
    }

    private Profile profile(Account account) {
        return new Profile(account.id(), account.email(), account.username(), account.preferredName(),
                roles.of(account.email()), account.createdAt().truncatedTo(ChronoUnit.SECONDS));
    }

    static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such resource.");
    }
}
