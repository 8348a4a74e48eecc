package dev.jumbo.auth.export;

import dev.jumbo.auth.profile.Profile;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Everything held about a user; a part whose service failed or was too slow is null and named in {@code unavailable}. */
public record ProfileExport(Instant exportedAt, Profile profile, JsonNode chat, JsonNode memory, List<String> unavailable) {
}
