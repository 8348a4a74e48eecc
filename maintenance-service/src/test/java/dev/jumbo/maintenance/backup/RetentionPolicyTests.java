package dev.jumbo.maintenance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetentionPolicyTests {

    private final RetentionPolicy policy = new RetentionPolicy(new MaintenanceProperties.Retention(30, 12, 12));

    @Test
    void shouldKeepEveryBackupWhenThereAreFewerThanThePeriods() {
        List<RetentionPolicy.Entry> backups = daily(Instant.parse("2026-11-01T02:00:00Z"), 10);

        assertThat(policy.keep(backups)).hasSize(10);
    }

    @Test
    void shouldKeepOnlyTheNewestOfADayWhenADayHasSeveral() {
        RetentionPolicy.Entry morning = new RetentionPolicy.Entry(UUID.randomUUID(), Instant.parse("2026-11-26T02:00:00Z"));
        RetentionPolicy.Entry evening = new RetentionPolicy.Entry(UUID.randomUUID(), Instant.parse("2026-11-26T20:00:00Z"));

        Map<UUID, String> kept = policy.keep(List.of(morning, evening));

        assertThat(kept).containsOnlyKeys(evening.id());
        assertThat(kept.get(evening.id())).isEqualTo("monthly");
    }

    @Test
    void shouldKeepOldBackupsWhenRecentDaysHaveNone() {
        List<RetentionPolicy.Entry> old = daily(Instant.parse("2026-01-01T02:00:00Z"), 40);
        List<RetentionPolicy.Entry> backups = new ArrayList<>(old);
        RetentionPolicy.Entry latest = new RetentionPolicy.Entry(UUID.randomUUID(), Instant.parse("2026-11-26T02:00:00Z"));
        backups.add(latest);

        Map<UUID, String> kept = policy.keep(backups);

        // the 30 days that have backups are the latest and the 29 newest of the old run: months of failed backups
        // do not delete the last good ones
        assertThat(kept).containsKey(latest.id());
        assertThat(kept.keySet()).containsAll(old.subList(11, 40).stream().map(RetentionPolicy.Entry::id).toList());
        assertThat(kept.keySet()).doesNotContain(old.get(0).id(), old.get(1).id());
    }

    private static List<RetentionPolicy.Entry> daily(Instant first, int days) {
        List<RetentionPolicy.Entry> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(new RetentionPolicy.Entry(UUID.randomUUID(), first.plus(i, ChronoUnit.DAYS)));
        }
        return out;
    }
}
