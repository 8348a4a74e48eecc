package dev.jumbo.auth.export;

import dev.jumbo.auth.profile.ProfileService;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Collects the profile and, in parallel, what chat-service and memory-service hold about the user. */
public class ExportService {

    private final ProfileService profiles;
    private final ExportSource chat;
    private final ExportSource memory;
    private final Clock clock;

    ExportService(ProfileService profiles, ExportSource chat, ExportSource memory, Clock clock) {
        this.profiles = profiles;
        this.chat = chat;
        this.memory = memory;
        this.clock = clock;
    }

    public Mono<ProfileExport> export(UUID userId, String bearerToken) {
        return Mono.zip(profiles.get(userId), chat.fetch(bearerToken), memory.fetch(bearerToken))
                .map(parts -> {
                    List<String> unavailable = new ArrayList<>();
                    JsonNode chatPart = part(chat, parts.getT2(), unavailable);
                    JsonNode memoryPart = part(memory, parts.getT3(), unavailable);
                    return new ProfileExport(clock.instant().truncatedTo(ChronoUnit.SECONDS), parts.getT1(),
                            chatPart, memoryPart, List.copyOf(unavailable));
                });
    }

    private static JsonNode part(ExportSource source, Optional<JsonNode> value, List<String> unavailable) {
        if (value.isEmpty()) {
            unavailable.add(source.name());
        }
        return value.orElse(null);
    }
}
