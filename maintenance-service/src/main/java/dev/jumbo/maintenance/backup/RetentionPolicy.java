package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Grandfather-father-son retention. Walking the backups newest first, the newest backup of each of the last
 * {@code daily} days that have a backup is kept, likewise of the last {@code weekly} ISO weeks and the last
 * {@code monthly} months (UTC); everything else goes. Counting periods that have backups (not calendar periods)
 * means a stretch of failed backups never deletes the good ones before it. A kept backup's kind is the longest
 * period it is kept for.
 */
public final class RetentionPolicy {

    private final MaintenanceProperties.Retention retention;

    public RetentionPolicy(MaintenanceProperties.Retention retention) {
        this.retention = retention;
    }

    public record Entry(UUID id, Instant createdAt) {
    }

    /** The kept backups and their kinds; backups not in the map are to be deleted. */
    public Map<UUID, String> keep(List<Entry> backups) {
        List<Entry> newestFirst = backups.stream()
                .sorted(Comparator.comparing(Entry::createdAt).thenComparing(Entry::id).reversed()).toList();
        Set<UUID> daily = newestOfEach(newestFirst, retention.daily(), at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
        Set<UUID> weekly = newestOfEach(newestFirst, retention.weekly(), at -> {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            return day.get(IsoFields.WEEK_BASED_YEAR) * 100 + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        });
        Set<UUID> monthly = newestOfEach(newestFirst, retention.monthly(), at -> YearMonth.from(at.atZone(ZoneOffset.UTC)));
        Map<UUID, String> kept = new LinkedHashMap<>();
        for (Entry backup : newestFirst) {
            UUID id = backup.id();
            if (monthly.contains(id)) {
                kept.put(id, Backup.MONTHLY);
            } else if (weekly.contains(id)) {
                kept.put(id, Backup.WEEKLY);
            } else if (daily.contains(id)) {
                kept.put(id, Backup.DAILY);
            }
        }
        return kept;
    }

    private static Set<UUID> newestOfEach(List<Entry> newestFirst, int periods, Function<Instant, Object> period) {
        Set<UUID> kept = new HashSet<>();
        Object last = null;
        for (Entry backup : newestFirst) {
            if (kept.size() >= periods) {
                break;
            }
            Object current = period.apply(backup.createdAt());
            if (!current.equals(last)) {
                kept.add(backup.id());
                last = current;
            }
        }
        return kept;
    }
}
