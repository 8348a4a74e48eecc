package dev.jumbo.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.test.MutableClock;
import dev.jumbo.test.ScratchSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh-token store on its own schema, with a clock the test moves. */
class RefreshTokensStoreIntegrationTests {

    private static final Duration REFRESH_TTL = Duration.ofDays(30);

    private final ScratchSchema db = new ScratchSchema("auth", "classpath:db/platform", "classpath:db/migration");
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final RefreshTokens tokens = new RefreshTokens(db.database,
            new TokenProperties(Duration.ofMinutes(15), REFRESH_TTL, null, Duration.ofDays(30), Duration.ofMinutes(1)), clock);
    private final ExpiredSessionsCleanup cleanup = new ExpiredSessionsCleanup(db.database, clock);
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void createUser() {
        db.database.sql("INSERT INTO users (id, email, password_hash) VALUES (:id, :email, 'x')")
                .bind("id", user).bind("email", user + "@example.com").then().block();
    }

    @Test
    void shouldStoreOnlyTheHashWhenIssuing() {
        RefreshTokens.Issued issued = tokens.openSession(user).block();

        assertThat(db.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = '" + RefreshTokens.hash(issued.token()) + "'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = '" + issued.token() + "'")).isZero();
    }

    @Test
    void shouldRefuseTokenWhenItHasExpired() {
        RefreshTokens.Issued issued = tokens.openSession(user).block();

        clock.advance(REFRESH_TTL.plusSeconds(1));

        assertThat(tokens.rotate(issued.token()).block()).isInstanceOf(RefreshTokens.Rotation.Invalid.class);
    }

    @Test
    void shouldDeleteSessionsWhoseTokensAllExpiredWhenCleaningUp() {
        RefreshTokens.Issued old = tokens.openSession(user).block();
        clock.advance(REFRESH_TTL.minusDays(1));
        RefreshTokens.Issued recent = tokens.openSession(user).block();

        clock.advance(Duration.ofDays(2));
        long deleted = cleanup.deleteExpired().block();

        assertThat(deleted).isEqualTo(1);
        assertThat(tokens.isSessionActive(old.familyId(), user).block()).isFalse();
        assertThat(tokens.isSessionActive(recent.familyId(), user).block()).isTrue();
    }
}
