package dev.jumbo.memory.mood;

import dev.jumbo.memory.config.MemoryProperties;
import dev.jumbo.platform.web.ProblemException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/memories/moods?from=&to=}: entries, daily aggregates and the trend (ISO dates, UTC days, inclusive). */
@RestController
class MoodController {

    private final MoodRepository moods;
    private final MemoryProperties properties;
    private final Clock clock = Clock.systemUTC();

    MoodController(MoodRepository moods, MemoryProperties properties) {
        this.moods = moods;
        this.properties = properties;
    }

    record MoodsResponse(List<MoodEntry> entries, List<DailyMood> daily, MoodTrend trend) {
    }

    @GetMapping("/api/v1/memories/moods")
    Mono<MoodsResponse> moods(Principal principal, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        LocalDate end = to == null ? LocalDate.now(clock) : date("to", to);
        LocalDate start = from == null ? end.minusDays(29) : date("from", from);
        if (start.isAfter(end)) {
            throw badRange("'from' must not be after 'to'.");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > properties.moodMaxRangeDays()) {
            throw badRange("The range may span at most " + properties.moodMaxRangeDays() + " days.");
        }
        return moods.between(principal.getName(), start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .collectList()
                .map(entries -> {
                    List<DailyMood> daily = DailyMoods.of(entries);
                    return new MoodsResponse(entries, daily, MoodTrend.of(daily, properties.trendThreshold()));
                });
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "'" + name + "' must be an ISO date such as 2026-11-26.");
        }
    }

    private static ProblemException badRange(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    }
}
