package dev.jumbo.maintenance.jobs;

import java.util.Map;

/** A maintenance job. {@link #run} is called on a job thread (never an event loop), so it may block. */
public interface Job {

    /** The name in the API and metrics, e.g. {@code dedup}. */
    String name();

    /**
     * Does the work of one run. Parameters come from the trigger (e.g. the backup to restore). Throwing fails
     * the run with the exception's message.
     */
    JobOutcome run(Map<String, String> parameters);

    /** Whether {@code POST /api/v1/admin/jobs/{job}/runs} may start it (restore needs a backup: it has its own endpoint). */
    default boolean startableWithoutParameters() {
        return true;
    }
}
