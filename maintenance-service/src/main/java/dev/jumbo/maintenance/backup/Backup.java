package dev.jumbo.maintenance.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A catalogue entry (API.md: {@code id, createdAt, kind, sizeBytes, sha256, verifiedAt}; the rest stays inside). */
public record Backup(UUID id, Instant createdAt, String kind, long sizeBytes, String sha256, Instant verifiedAt,
                     String fileName, @JsonIgnore Map<String, Long> tableCounts, @JsonIgnore String pgDump) {

    public static final String DAILY = "daily";
    public static final String WEEKLY = "weekly";
    public static final String MONTHLY = "monthly";
}
