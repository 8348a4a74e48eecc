package dev.jumbo.auth.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What auth-service publishes on {@code auth.users.v1}: the topic, the CloudEvents types and the payloads,
 * exactly as pinned by {@code contracts/events/auth.users.v1/}.
 */
public final class UserEvents {

    public static final String TOPIC = "auth.users.v1";
    public static final String USER_REGISTERED = "dev.jumbo.auth.user-registered.v1";
    public static final String PROFILE_UPDATED = "dev.jumbo.auth.profile-updated.v1";
    public static final String USER_DELETED = "dev.jumbo.auth.user-deleted.v1";

    private UserEvents() {
    }

    public record UserRegistered(UUID userId, String email, String username, String preferredName, Instant registeredAt) {
    }

    public record ProfileUpdated(UUID userId, String username, String preferredName, Instant updatedAt) {
    }

    public record UserDeleted(UUID userId, Instant deletedAt) {
    }
}
