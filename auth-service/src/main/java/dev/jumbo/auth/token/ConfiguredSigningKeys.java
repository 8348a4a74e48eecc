package dev.jumbo.auth.token;

import reactor.core.publisher.Mono;

/**
 * Keys from {@code JUMBO_JWT_SIGNING_KEYS}: one or more PEM PKCS#8 RSA private keys. The first signs; the others
 * stay published so tokens they signed keep working. To rotate: put the new key first, and remove the old one
 * once the access-token lifetime has passed.
 */
public class ConfiguredSigningKeys implements SigningKeys {

    private final KeyRing ring;

    public ConfiguredSigningKeys(String pemKeys) {
        var keys = SigningKey.parseAll(pemKeys);
        this.ring = new KeyRing(keys.get(0), keys);
    }

    @Override
    public Mono<KeyRing> current() {
        return Mono.just(ring);
    }

    @Override
    public Mono<KeyRing> knowing(String kid) {
        return Mono.just(ring);
    }
}
