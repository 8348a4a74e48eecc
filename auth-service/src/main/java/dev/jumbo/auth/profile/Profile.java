package dev.jumbo.auth.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code {"userId","email","username","preferredName","roles","createdAt"}} as API.md defines it. */
public record Profile(UUID userId, String email, String username, String preferredName, List<String> roles,
                      Instant createdAt) {
}
