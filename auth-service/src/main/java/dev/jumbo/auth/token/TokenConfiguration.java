package dev.jumbo.auth.token;

import dev.jumbo.platform.security.JwtProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    SigningKeys signingKeys(TokenProperties tokens, JwtProperties jwt, DatabaseClient database,
                            TransactionalOperator transactions, Clock clock) {
        return tokens.keysConfigured()
                ? new ConfiguredSigningKeys(tokens.signingKeys())
                : new DatabaseSigningKeys(database, transactions, tokens, jwt.clockSkew(), clock);
    }

    @Bean
    AccessTokenIssuer accessTokenIssuer(SigningKeys keys, JwtProperties jwt, TokenProperties tokens, Clock clock) {
        return new AccessTokenIssuer(keys, jwt, tokens, clock);
    }

    @Bean
    RefreshTokens refreshTokens(DatabaseClient database, TokenProperties tokens, Clock clock) {
        return new RefreshTokens(database, tokens, clock);
    }

    @Bean
    ExpiredSessionsCleanup expiredSessionsCleanup(DatabaseClient database, Clock clock) {
        return new ExpiredSessionsCleanup(database, clock);
    }

    /** Loads (in dev and test: creates) the signing keys once the service is up, not on the first signup. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> signingKeysWarmUp(SigningKeys keys) {
        return ready -> keys.current().subscribe(ring -> log.info("Signing with key {}", ring.signer().kid()),
                failure -> log.warn("Signing keys not loaded yet: {}", failure.toString()));
    }

    /** Replaces the chassis' JWKS-over-HTTP decoder: auth-service verifies against its own key store. */
    @Bean
    ReactiveJwtDecoder ownKeysJwtDecoder(SigningKeys keys, JwtProperties jwt, RefreshTokens sessions) {
        return new OwnKeysJwtDecoder(keys, jwt, sessions);
    }
}
