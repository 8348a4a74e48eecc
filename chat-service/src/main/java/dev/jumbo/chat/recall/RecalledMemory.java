package dev.jumbo.chat.recall;

import java.util.List;

/** One memory as memory-service's internal recall API returns it (this service's own copy of the shape). */
public record RecalledMemory(String id, String text, String category, String subject, List<String> values,
                             Double confidence) {

    public RecalledMemory {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
