package dev.jumbo.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers a token whose signature was verified, keyed by the whole token string (a changed byte is another
 * key), so its next request skips parsing and the signature check: a chat turn calls with the same token many
 * times. The claims are validated again on every hit ({@code exp}, {@code iss}, {@code aud}, ...); an entry is kept
 * at most {@code maxAge} so a key withdrawn from the JWKS stops being trusted soon. Bounded: when full, expired
 * entries go, and if that frees nothing, all of them.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Duration maxAge;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, Duration maxAge,
                       int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.validator = validator;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Entry entry = verified.get(token);
        if (entry != null) {
            if (clock.instant().isBefore(entry.until()) && !validator.validate(entry.jwt()).hasErrors()) {
                return Mono.just(entry.jwt());
            }
            verified.remove(token, entry);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(old -> !now.isBefore(old.until()));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, new Entry(jwt, until));
    }

    int size() {
        return verified.size();
    }

    private record Entry(Jwt jwt, Instant until) {
    }
}
