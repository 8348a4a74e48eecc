package dev.jumbo.auth.account;

import java.time.Instant;
import java.util.UUID;

/** A stored account with its credentials. */
public record Account(UUID id, String email, String passwordHash, String username, String preferredName,
                      Instant createdAt) {
}
