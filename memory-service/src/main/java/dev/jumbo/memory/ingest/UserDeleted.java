package dev.jumbo.memory.ingest;

import java.time.Instant;

/** memory-service's own copy of {@code dev.jumbo.auth.user-deleted.v1} (contracts/events/auth.users.v1). */
public record UserDeleted(String userId, Instant deletedAt) {
}
