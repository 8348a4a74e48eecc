package dev.jumbo.memory.mood;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Groups mood entries by UTC day. */
public final class DailyMoods {

    private DailyMoods() {
    }

    public static List<DailyMood> of(List<MoodEntry> entries) {
        Map<LocalDate, List<MoodEntry>> byDay = new TreeMap<>();
        for (MoodEntry entry : entries) {
            byDay.computeIfAbsent(entry.at().atZone(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>()).add(entry);
        }
        List<DailyMood> days = new ArrayList<>();
        byDay.forEach((date, list) -> {
            double average = list.stream().mapToDouble(MoodEntry::valence).average().orElse(0);
            days.add(new DailyMood(date, Math.round(average * 1_000d) / 1_000d, list.size(), dominant(list)));
        });
        return days;
    }

    /** The most frequent emotion of the day (ties: the one seen first); the label when no emotions were named. */
    static String dominant(List<MoodEntry> entries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (MoodEntry entry : entries) {
            for (String emotion : entry.emotions()) {
                counts.merge(emotion, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            for (MoodEntry entry : entries) {
                counts.merge(entry.label(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse(null);
    }
}
