package dev.jumbo.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.test.MutableClock;
import dev.jumbo.test.ScratchSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/** Database-kept signing keys, with two "instances" on one schema and a clock the test moves. */
class SigningKeyRotationIntegrationTests {

    private static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration ROTATION = Duration.ofDays(30);
    private static final Duration CACHE = Duration.ofMinutes(1);

    private final ScratchSchema db = new ScratchSchema("auth", "classpath:db/platform", "classpath:db/migration");
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    private DatabaseSigningKeys instance() {
        return new DatabaseSigningKeys(db.database, db.transactions,
                new TokenProperties(ACCESS_TTL, Duration.ofDays(30), null, ROTATION, CACHE), SKEW, clock);
    }

    @Test
    void shouldAgreeOnOneKeyWhenInstancesStartTogether() {
        DatabaseSigningKeys a = instance();
        DatabaseSigningKeys b = instance();

        Tuple2<KeyRing, KeyRing> rings = Mono.zip(a.current(), b.current()).block();

        assertThat(rings.getT1().signer().kid()).isEqualTo(rings.getT2().signer().kid());
        assertThat(db.count("SELECT count(*) FROM signing_keys")).isEqualTo(1);
    }

    @Test
    void shouldSignWithNewKeyAndKeepOldOneUntilItsTokensExpiredWhenRotationIsDue() {
        DatabaseSigningKeys keys = instance();
        String first = keys.current().block().signer().kid();

        clock.advance(ROTATION.plusSeconds(1));
        KeyRing rotated = keys.current().block();

        assertThat(rotated.signer().kid()).isNotEqualTo(first);
        assertThat(rotated.published()).extracting(SigningKey::kid).containsExactly(rotated.signer().kid(), first);

        clock.advance(ACCESS_TTL.plus(SKEW).plusSeconds(1));
        KeyRing later = keys.current().block();

        assertThat(later.signer().kid()).isEqualTo(rotated.signer().kid());
        assertThat(later.published()).extracting(SigningKey::kid).containsExactly(rotated.signer().kid());
    }

    @Test
    void shouldLearnKeyOfAnotherInstanceWhenTokenNamesIt() {
        DatabaseSigningKeys a = instance();
        DatabaseSigningKeys b = instance();
        a.current().block();

        String kidOfB = b.rotateNow().block().signer().kid();
        clock.advance(Duration.ofSeconds(3));

        assertThat(a.knowing(kidOfB).block().find(kidOfB)).isPresent();
    }
}
