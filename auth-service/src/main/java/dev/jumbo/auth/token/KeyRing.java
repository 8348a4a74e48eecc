package dev.jumbo.auth.token;

import java.util.List;
import java.util.Optional;

/** The key that signs new tokens, and every key whose tokens may still be valid (the signer included). */
public record KeyRing(SigningKey signer, List<SigningKey> published) {

    public KeyRing {
        published = List.copyOf(published);
    }

    public Optional<SigningKey> find(String kid) {
        return published.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }
}
