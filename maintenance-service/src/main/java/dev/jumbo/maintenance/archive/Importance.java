package dev.jumbo.maintenance.archive;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.memories.StoredMemory;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a memory is important, derived from what it is about (no column to keep in sync; ADR 0007): people and
 * pets ({@code relationships}, {@code pets}), health (allergies, conditions, diet), dates (birthdays,
 * anniversaries) and names are important; preferences, plans, places, work and the rest are not.
 */
public final class Importance {

    private final Set<String> categories;
    private final Set<String> relations;

    public Importance(MaintenanceProperties.Archive settings) {
        this.categories = lower(settings.importantCategories());
        this.relations = lower(settings.importantRelations());
    }

    public boolean isImportant(StoredMemory memory) {
        return categories.contains(memory.category().toLowerCase(Locale.ROOT))
                || relations.contains(memory.relation().toLowerCase(Locale.ROOT));
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
