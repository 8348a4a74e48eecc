package dev.jumbo.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Opaque refresh tokens (256 random bits, base64url), stored only as their SHA-256, single use, grouped in a
 * family per login. Callers run these inside their transaction.
 */
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient database;
    private final TokenProperties properties;
    private final Clock clock;

    public RefreshTokens(DatabaseClient database, TokenProperties properties, Clock clock) {
        this.database = database;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a login session (a new family) with its first refresh token. */
    public Mono<Issued> openSession(UUID userId) {
        UUID familyId = UUID.randomUUID();
        return database.sql("INSERT INTO refresh_token_families (id, user_id, created_at) VALUES (:id, :user, :now)")
                .bind("id", familyId).bind("user", userId).bind("now", clock.instant())
                .then()
                .then(issueInFamily(familyId, userId));
    }

    /**
     * Spends {@code presented} and issues its successor in the same family. Presenting a token that was
     * already spent revokes the whole family (someone replayed it: the legitimate holder or a thief).
     */
    public Mono<Rotation> rotate(String presented) {
        String hash = hash(presented);
        Instant now = clock.instant();
        return database.sql("""
                        UPDATE refresh_tokens t SET used_at = :now
                        FROM refresh_token_families f
                        WHERE t.token_hash = :hash AND t.used_at IS NULL AND t.expires_at > :now
                          AND f.id = t.family_id AND f.revoked_at IS NULL
                        RETURNING t.family_id, t.user_id""")
                .bind("now", now).bind("hash", hash)
                .map(row -> new Spent(row.get("family_id", UUID.class), row.get("user_id", UUID.class)))
                .one()
                .flatMap(spent -> issueInFamily(spent.familyId(), spent.userId())
                        .<Rotation>map(next -> new Rotation.Rotated(spent.userId(), next)))
                .switchIfEmpty(Mono.defer(() -> rejected(hash, now)));
    }

    private Mono<Rotation> rejected(String hash, Instant now) {
        return database.sql("SELECT family_id, used_at FROM refresh_tokens WHERE token_hash = :hash")
                .bind("hash", hash)
                .map(row -> new Known(row.get("family_id", UUID.class), row.get("used_at", Instant.class) != null))
                .one()
                .flatMap(known -> known.spent()
                        ? revokeFamily(known.familyId()).thenReturn((Rotation) new Rotation.Reused(known.familyId()))
                        : Mono.<Rotation>just(new Rotation.Invalid()))
                .defaultIfEmpty(new Rotation.Invalid());
    }

    /** Revokes the family of {@code presented}, whatever state that token is in; nothing when it is unknown. */
    public Mono<Void> revokeFamilyOf(String presented) {
        return database.sql("""
                        UPDATE refresh_token_families SET revoked_at = :now
                        WHERE revoked_at IS NULL AND id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash)""")
                .bind("now", clock.instant()).bind("hash", hash(presented))
                .then();
    }

    public Mono<Void> revokeFamily(UUID familyId) {
        return database.sql("UPDATE refresh_token_families SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", clock.instant()).bind("id", familyId)
                .then();
    }

    /** Whether the login session exists (not deleted with its account) and is not revoked. */
    public Mono<Boolean> isSessionActive(UUID familyId, UUID userId) {
        return database.sql("""
                        SELECT count(*) AS n FROM refresh_token_families
                        WHERE id = :id AND user_id = :user AND revoked_at IS NULL""")
                .bind("id", familyId).bind("user", userId)
                .map(row -> row.get("n", Long.class) > 0)
                .one();
    }

    private Mono<Issued> issueInFamily(UUID familyId, UUID userId) {
        String token = newToken();
        Instant now = clock.instant();
        return database.sql("""
                        INSERT INTO refresh_tokens (token_hash, family_id, user_id, issued_at, expires_at)
                        VALUES (:hash, :family, :user, :now, :expires)""")
                .bind("hash", hash(token)).bind("family", familyId).bind("user", userId)
                .bind("now", now).bind("expires", now.plus(properties.refreshTtl()))
                .then()
                .thenReturn(new Issued(familyId, token));
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refresh token handed out, and the login session (family) it belongs to. */
    public record Issued(UUID familyId, String token) {
    }

    private record Spent(UUID familyId, UUID userId) {
    }

    private record Known(UUID familyId, boolean spent) {
    }

    /** The outcome of presenting a refresh token. */
    public sealed interface Rotation {

        record Rotated(UUID userId, Issued next) implements Rotation {
        }

        /** A spent token came back: its family is now revoked. */
        record Reused(UUID familyId) implements Rotation {
        }

        /** Unknown, expired, or of a revoked family. */
        record Invalid() implements Rotation {
        }
    }
}
