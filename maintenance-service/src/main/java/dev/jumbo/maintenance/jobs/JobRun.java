package dev.jumbo.maintenance.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a job as the admin API shows it (API.md, "Administration": {@code finishedAt} is null while running;
 * {@code error} and {@code traceId} appear when there is one).
 */
public record JobRun(UUID id, String job, String status, String trigger, Instant startedAt, Instant finishedAt,
                     Map<String, Object> stats, @JsonInclude(JsonInclude.Include.NON_NULL) String error,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String traceId) {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
