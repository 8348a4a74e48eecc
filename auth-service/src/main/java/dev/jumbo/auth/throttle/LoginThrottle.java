package dev.jumbo.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts failed logins in the database ({@code login_failures}), so the limits hold across every replica.
 * An account or IP with too many failures within the window is locked until enough of them have aged out;
 * a successful login clears the account's failures (not the IP's).
 */
@Component
public class LoginThrottle {

    private final DatabaseClient database;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginThrottle(DatabaseClient database, LoginThrottleProperties properties, Clock clock) {
        this.database = database;
        this.properties = properties;
        this.clock = clock;
    }

    /** Completes when a login may be attempted; errors with {@link TooManyLoginAttemptsException} otherwise. */
    public Mono<Void> check(String account, String clientIp) {
        Instant now = clock.instant();
        return lockedUntil("account", account, properties.maxFailuresPerAccount(), now)
                .zipWith(lockedUntil("client_ip", clientIp, properties.maxFailuresPerIp(), now))
                .flatMap(locks -> {
                    Optional<Instant> until = later(locks.getT1(), locks.getT2());
                    return until.isPresent()
                            ? Mono.error(new TooManyLoginAttemptsException(Duration.between(now, until.get())))
                            : Mono.empty();
                });
    }

    public Mono<Void> recordFailure(String account, String clientIp) {
        Instant now = clock.instant();
        return database.sql("INSERT INTO login_failures (account, client_ip, failed_at) VALUES (:account, :ip, :now)")
                .bind("account", account).bind("ip", clientIp).bind("now", now)
                .then()
                .then(database.sql("DELETE FROM login_failures WHERE failed_at < :cutoff")
                        .bind("cutoff", now.minus(properties.window())).then());
    }

    public Mono<Void> recordSuccess(String account) {
        return database.sql("DELETE FROM login_failures WHERE account = :account").bind("account", account).then();
    }

    /** When the {@code max}-th most recent failure leaves the window, or empty when not locked. */
    private Mono<Optional<Instant>> lockedUntil(String column, String value, int max, Instant now) {
        return database.sql("SELECT failed_at FROM login_failures WHERE " + column + " = :value AND failed_at > :since"
                        + " ORDER BY failed_at DESC LIMIT :max")
                .bind("value", value).bind("since", now.minus(properties.window())).bind("max", max)
                .map(row -> row.get("failed_at", Instant.class))
                .all().collectList()
                .map(failures -> failures.size() < max ? Optional.<Instant>empty()
                        : Optional.of(failures.get(max - 1).plus(properties.window())));
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        return List.of(a, b).stream().flatMap(Optional::stream).max(Instant::compareTo);
    }
}
