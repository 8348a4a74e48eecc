package dev.jumbo.maintenance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import dev.jumbo.test.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class BackupRetentionIntegrationTests extends MaintenanceIntegrationTest {

    private static final LocalDate LAST_DAY = LocalDate.parse("2026-11-26");

    @Autowired
    BackupCatalogue catalogue;

    @TempDir
    Path directory;

    @AfterEach
    void clearCatalogue() {
        database.sql("DELETE FROM backups").then().block();
    }

    @Test
    void shouldKeepExactlyThirtyDailyTwelveWeeklyAndTwelveMonthlyWhenBackingUpDailyFor400Days() throws IOException {
        database.sql("DELETE FROM backups").then().block();
        MutableClock clock = new MutableClock(Instant.EPOCH);
        BackupRetention retention = new BackupRetention(catalogue, new MaintenanceProperties.Retention(30, 12, 12), directory);

        for (LocalDate day = LAST_DAY.minusDays(399); !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            clock.set(day.atTime(LocalTime.of(2, 0)).toInstant(ZoneOffset.UTC));
            backUpAt(clock.instant());
            retention.apply();
        }

        Set<LocalDate> expected = new TreeSet<>();
        for (int i = 0; i < 30; i++) {
            expected.add(LAST_DAY.minusDays(i));
        }
        for (int i = 0; i < 12; i++) {
            LocalDate sunday = LAST_DAY.minusWeeks(i).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            expected.add(sunday.isAfter(LAST_DAY) ? LAST_DAY : sunday);
        }
        for (int i = 0; i < 12; i++) {
            LocalDate endOfMonth = YearMonth.from(LAST_DAY).minusMonths(i).atEndOfMonth();
            expected.add(endOfMonth.isAfter(LAST_DAY) ? LAST_DAY : endOfMonth);
        }
        assertThat(expected).hasSize(47);

        Map<LocalDate, String> kept = catalogue.all().collectMap(b -> LocalDate.ofInstant(b.createdAt(), ZoneOffset.UTC), Backup::kind)
                .block();
        Set<LocalDate> keptDays = new TreeSet<>(kept.keySet());
        assertThat(keptDays).isEqualTo(expected);
        try (Stream<Path> files = Files.list(directory)) {
            Set<String> names = files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expectedNames = expected.stream().map(BackupRetentionIntegrationTests::fileName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(names).isEqualTo(expectedNames);
        }
        assertThat(kept.get(LAST_DAY)).isEqualTo("monthly");
        assertThat(kept.get(LocalDate.parse("2025-12-31"))).isEqualTo("monthly");
        assertThat(kept.get(LocalDate.parse("2026-09-13"))).isEqualTo("weekly");
        assertThat(kept.get(LocalDate.parse("2026-11-10"))).isEqualTo("daily");
        assertThat(kept.values().stream().filter("monthly"::equals).count()).isEqualTo(12);
    }

    private void backUpAt(Instant at) throws IOException {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Path file = directory.resolve(fileName(day));
        Files.writeString(file, "dump of " + day);
        catalogue.insert(new Backup(UUID.randomUUID(), at.truncatedTo(ChronoUnit.MICROS), Backup.DAILY, Files.size(file),
                Checksums.sha256(file), null, file.getFileName().toString(), Map.of(), "test")).block();
    }

    private static String fileName(LocalDate day) {
        return "jumbo-" + day + ".dump";
    }
}
