package dev.jumbo.auth.account;

import dev.jumbo.auth.events.UserEvents;
import dev.jumbo.auth.throttle.LoginThrottle;
import dev.jumbo.auth.token.AccessTokenIssuer;
import dev.jumbo.auth.token.RefreshTokens;
import dev.jumbo.platform.outbox.OutboxEvent;
import dev.jumbo.platform.outbox.OutboxWriter;
import dev.jumbo.platform.web.ProblemDetails;
import dev.jumbo.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Signup, login, refresh and logout. */
@Service
public class AuthService {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final AccessTokenIssuer accessTokens;
    private final Roles roles;
    private final LoginThrottle throttle;
    private final OutboxWriter outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    AuthService(AccountRepository accounts, PasswordHasher hasher, RefreshTokens refreshTokens,
                AccessTokenIssuer accessTokens, Roles roles, LoginThrottle throttle, OutboxWriter outbox,
                TransactionalOperator transactions, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.roles = roles;
        this.throttle = throttle;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Creates the account (409 when the email is taken) and signs it in; publishes {@code user-registered}. */
    public Mono<Tokens> signup(EmailAddress email, String password, String requestedUsername) {
        UUID userId = UUID.randomUUID();
        String username = requestedUsername == null || requestedUsername.isBlank() ? email.localPart() : requestedUsername.strip();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return hasher.hash(password).flatMap(hash -> transactions.transactional(
                accounts.insert(userId, email, hash, username, now)
                        .flatMap(created -> created ? Mono.just(true) : Mono.error(emailTaken()))
                        .then(outbox.append(new OutboxEvent(UserEvents.TOPIC, UserEvents.USER_REGISTERED, userId.toString(),
                                new UserEvents.UserRegistered(userId, email.value(), username, null, now.truncatedTo(ChronoUnit.SECONDS)))))
                        .then(signIn(userId, email.value(), username))));
    }

    /** 401 with the same body whether the email is unknown or the password wrong; 429 while locked out. */
    public Mono<Tokens> login(String rawEmail, String password, String clientIp) {
        var email = EmailAddress.parse(rawEmail);
        String accountKey = email.map(EmailAddress::key).orElse(rawEmail.strip().toLowerCase());
        return throttle.check(accountKey, clientIp)
                .then(Mono.justOrEmpty(email).flatMap(accounts::findByEmail)
                        .map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(found -> found.isPresent()
                        ? hasher.matches(password, found.get().passwordHash()).map(ok -> ok ? found : Optional.<Account>empty())
                        : hasher.matchesNothing(password).map(ignored -> Optional.<Account>empty()))
                .flatMap(found -> found.isPresent()
                        ? transactions.transactional(throttle.recordSuccess(accountKey)
                                .then(signIn(found.get().id(), found.get().email(), found.get().username())))
                        : throttle.recordFailure(accountKey, clientIp).then(Mono.error(invalidCredentials())));
    }

    /** Spends the refresh token and issues new tokens; a spent token revokes its whole login session. */
    public Mono<Tokens> refresh(String presented) {
        return transactions.transactional(refreshTokens.rotate(presented)
                        .flatMap(rotation -> rotation instanceof RefreshTokens.Rotation.Rotated rotated
                                ? accounts.findById(rotated.userId()).flatMap(account -> accessTokens
                                        .issue(account.id(), rotated.next().familyId(), roles.of(account.email()))
                                        .map(access -> Tokens.bearer(account.id(), account.username(), access,
                                                rotated.next().token(), accessTokens.expiresInSeconds())))
                                : Mono.<Tokens>empty()))
                // after the transaction, so that a family revoked on reuse stays revoked
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                        "Invalid refresh token", "The refresh token is unknown, expired, already used or revoked.")));
    }

    /** Ends the login session of the token; nothing happens for an unknown token. */
    public Mono<Void> logout(String presented) {
        return refreshTokens.revokeFamilyOf(presented);
    }

    private Mono<Tokens> signIn(UUID userId, String email, String username) {
        return refreshTokens.openSession(userId).flatMap(refresh -> accessTokens
                .issue(userId, refresh.familyId(), roles.of(email))
                .map(access -> Tokens.bearer(userId, username, access, refresh.token(), accessTokens.expiresInSeconds())));
    }

    private static ProblemException emailTaken() {
        return new ProblemException(HttpStatus.CONFLICT, "email-taken", "Email already registered",
                "An account with this email address already exists.");
    }

    static ProblemException invalidCredentials() {
        return new ProblemException(ProblemDetails.of(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                "Invalid credentials", "The email or password is not correct."));
    }
}
