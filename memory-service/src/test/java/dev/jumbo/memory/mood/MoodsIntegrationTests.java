package dev.jumbo.memory.mood;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.memory.support.MemoryIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MoodsIntegrationTests extends MemoryIntegrationTest {

    @Test
    void shouldAggregateDailyAndFindImprovingTrendWhenMoodRisesOverDays() {
        String user = newUser();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant threeDaysAgo = today.minusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC);
        awaitConsumed(say(user, "rough day", threeDaysAgo, "sad", -0.6, List.of("sad")));
        awaitConsumed(say(user, "still meh", threeDaysAgo.plusSeconds(3600), "tired", -0.2, List.of("tired", "sad")));
        awaitConsumed(say(user, "better", threeDaysAgo.plusSeconds(86_400), "okay", 0.0, List.of("calm")));
        awaitConsumed(say(user, "great day!", threeDaysAgo.plusSeconds(3 * 86_400), "happy", 0.8, List.of("happy")));

        JsonNode moods = getJson(user, "/api/v1/memories/moods");

        assertThat(moods.get("entries").size()).isEqualTo(4);
        assertThat(moods.get("entries").get(0).get("label").asString()).isEqualTo("sad");
        assertThat(moods.get("entries").get(0).get("emotions").get(0).asString()).isEqualTo("sad");
        JsonNode daily = moods.get("daily");
        assertThat(daily.size()).isEqualTo(3);
        assertThat(daily.get(0).get("date").asString()).isEqualTo(today.minusDays(3).toString());
        assertThat(daily.get(0).get("averageValence").asDouble()).isEqualTo(-0.4);
        assertThat(daily.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(daily.get(0).get("dominant").asString()).isEqualTo("sad");
        // days 0, 1, 3 with −0.4, 0.0, 0.8: slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = 1.8667/4.6667 = 0.4
        assertThat(moods.get("trend").get("direction").asString()).isEqualTo("improving");
        assertThat(moods.get("trend").get("slopePerDay").asDouble()).isEqualTo(0.4);
    }

    @Test
    void shouldLogOneEntryWhenSameMessageIsDeliveredTwice() {
        String user = newUser();
        UUID first = say(user, "fine", Instant.now(), "calm", 0.2, List.of("calm"));
        awaitConsumed(first);
        // the same message again (a new event id, e.g. chat-service retried its publish)
        awaitConsumed(say(user, "fine", Instant.now(), "calm", 0.2, List.of("calm")));

        assertThat(getJson(user, "/api/v1/memories/moods").get("entries").size()).isEqualTo(2);
        assertThat(count("SELECT count(*) AS n FROM mood_entries WHERE message_id = :v", first)).isEqualTo(1);
    }

    @Test
    void shouldOnlyReturnEntriesInRangeWhenFromAndToAreGiven() {
        String user = newUser();
        awaitConsumed(say(user, "old", Instant.parse("2026-01-10T12:00:00Z"), "sad", -0.5, List.of("sad")));
        awaitConsumed(say(user, "new", Instant.parse("2026-02-10T12:00:00Z"), "happy", 0.5, List.of("happy")));

        JsonNode moods = getJson(user, "/api/v1/memories/moods?from=2026-02-01&to=2026-02-28");

        assertThat(moods.get("entries").size()).isEqualTo(1);
        assertThat(moods.get("trend").get("direction").asString()).isEqualTo("stable");
    }

    @Test
    void shouldAnswerBadRequestWhenDatesAreInvalid() {
        for (String query : List.of("from=yesterday", "to=2026-13-01", "from=2026-03-01&to=2026-02-01",
                "from=2020-01-01&to=2026-01-01")) {
            http.get().uri("/api/v1/memories/moods?" + query).header("Authorization", bearer(newUser())).exchange()
                    .expectStatus().isBadRequest();
        }
    }
}
