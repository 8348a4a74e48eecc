package dev.jumbo.maintenance.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One run of a job as the admin API shows it (API.md, "Administration"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRun(UUID id, String job, String status, String trigger, Instant startedAt, Instant finishedAt,
                     Map<String, Object> stats, String error, String traceId) {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
