package dev.jumbo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jumbo.test.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant validUntil = NOW.plus(Duration.ofMinutes(15));

    /** Verifies "good-*" tokens (counting), rejects anything else, as the signature check would. */
    private final ReactiveJwtDecoder signatureCheck = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user-1")
                .issuedAt(NOW).expiresAt(validUntil).build());
    };

    @Test
    void shouldVerifySignatureOnceWhenSameTokenComesAgain() {
        VerifiedTokenCache cache = cache(Clock.fixed(NOW, ZoneOffset.UTC), accept(), 100);

        Jwt first = cache.decode("good-1").block();
        Jwt second = cache.decode("good-1").block();

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void shouldVerifyAgainWhenClaimsNoLongerValidate() {
        // the cache checks claims only on a hit (the delegate checks them on a miss), so this fails every hit
        OAuth2TokenValidator<Jwt> noLongerValid = jwt -> OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"));
        VerifiedTokenCache cache = cache(Clock.fixed(NOW, ZoneOffset.UTC), noLongerValid, 100);
        cache.decode("good-1").block();

        cache.decode("good-1").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldVerifyAgainWhenEntryIsOlderThanMaxAge() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokenCache cache = cache(clock, accept(), 100);
        cache.decode("good-1").block();

        clock.set(NOW.plus(Duration.ofMinutes(5)));
        cache.decode("good-1").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldVerifyAgainWhenTokenHasExpired() {
        validUntil = NOW.plus(Duration.ofMinutes(1));
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokenCache cache = cache(clock, accept(), 100);
        cache.decode("good-1").block();

        clock.set(NOW.plus(Duration.ofMinutes(2)));
        cache.decode("good-1").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldNeverRememberWhenSignatureFails() {
        VerifiedTokenCache cache = cache(Clock.fixed(NOW, ZoneOffset.UTC), accept(), 100);

        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldStayBoundedWhenManyTokensArrive() {
        VerifiedTokenCache cache = cache(Clock.fixed(NOW, ZoneOffset.UTC), accept(), 3);

        for (int i = 0; i < 10; i++) {
            cache.decode("good-" + i).block();
        }

        assertThat(cache.size()).isBetween(1, 3);
    }

    private VerifiedTokenCache cache(Clock clock, OAuth2TokenValidator<Jwt> validator, int maxEntries) {
        return new VerifiedTokenCache(signatureCheck, validator, Duration.ofMinutes(5), maxEntries, clock);
    }

    private static OAuth2TokenValidator<Jwt> accept() {
        return jwt -> OAuth2TokenValidatorResult.success();
    }
}
