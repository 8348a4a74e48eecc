package dev.jumbo.auth.account;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id hashing (Spring Security's v5.8 defaults: 16 MiB, 2 iterations) on {@code boundedElastic}: it is
 * CPU- and memory-heavy on purpose, so it must never run on an event-loop thread.
 */
public class PasswordHasher {

    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    // A real hash to compare against when the email is unknown, so both failures cost the same time.
    private final String dummyHash = encoder.encode("not-a-password-of-anyone");

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Spends the time of a real check, for an account that does not exist; always false. */
    public Mono<Boolean> matchesNothing(String password) {
        return matches(password, dummyHash).map(ignored -> false);
    }
}
