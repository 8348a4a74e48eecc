package dev.jumbo.auth.token;

import reactor.core.publisher.Mono;

/** Where the signing keys come from: configuration (staging, prod) or the {@code signing_keys} table. */
public interface SigningKeys {

    Mono<KeyRing> current();

    /** The key ring, reloaded first when it does not know {@code kid} (another instance may have rotated). */
    Mono<KeyRing> knowing(String kid);
}
