package dev.jumbo.auth.token;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Deletes login sessions none of whose refresh tokens can still be used (all expired). Their access tokens
 * expired long before (refresh tokens outlive access tokens). Safe on every replica at once: the delete is idempotent.
 */
public class ExpiredSessionsCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessionsCleanup.class);

    private final DatabaseClient database;
    private final Clock clock;

    public ExpiredSessionsCleanup(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${jumbo.auth.tokens.cleanup-interval:1h}",
            fixedDelayString = "${jumbo.auth.tokens.cleanup-interval:1h}")
    void run() {
        Long deleted = deleteExpired().block();
        if (deleted != null && deleted > 0) {
            log.info("Deleted {} expired login sessions", deleted);
        }
    }

    /** @return how many sessions were deleted (their refresh tokens go with them) */
    public Mono<Long> deleteExpired() {
        return database.sql("""
                        DELETE FROM refresh_token_families f
                        WHERE f.created_at < :now AND NOT EXISTS (
                            SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id AND t.expires_at > :now)""")
                .bind("now", clock.instant())
                .fetch().rowsUpdated();
    }
}
