package dev.jumbo.maintenance.jobs;

import java.util.Map;

/** What a run did: the number of items it handled (for the items metric) and its stats for the run row. */
public record JobOutcome(long items, Map<String, Object> stats) {
}
