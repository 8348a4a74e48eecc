package dev.jumbo.maintenance.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursor of a newest-first list: the {@code (time, id)} of the last item handed out. */
public record RunCursor(Instant at, UUID id) {

    public String encode() {
        String raw = ChronoUnit.MICROS.between(Instant.EPOCH, at) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code null} for no cursor; a 400 problem for one this service did not hand out. */
    public static RunCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2) {
                return new RunCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw AdminRequests.invalid("'cursor' is not a cursor this list handed out.");
    }
}
