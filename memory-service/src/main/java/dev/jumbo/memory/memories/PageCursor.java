package dev.jumbo.memory.memories;

import dev.jumbo.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Opaque page cursors: for the newest-first list, the keyset {@code (createdAt, id)} of the last item; for a
 * ranked search, the offset into the ranking.
 */
record PageCursor(Instant createdAt, UUID id, int offset) {

    static PageCursor after(Memory last) {
        return new PageCursor(last.createdAt(), last.id(), 0);
    }

    static PageCursor offset(int offset) {
        return new PageCursor(null, null, offset);
    }

    String encode() {
        String raw = createdAt != null
                ? "k:" + ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + ":" + id
                : "o:" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor, boolean ranked) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (ranked && parts.length == 2 && parts[0].equals("o")) {
                int offset = Integer.parseInt(parts[1]);
                if (offset >= 0) {
                    return offset(offset);
                }
            } else if (!ranked && parts.length == 3 && parts[0].equals("k")) {
                return new PageCursor(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS),
                        UUID.fromString(parts[2]), 0);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "'cursor' is not a cursor this list handed out.");
    }
}
