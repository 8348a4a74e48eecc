package dev.jumbo.maintenance.jobs;

/** The job's cluster lock is held: a run is going on somewhere in the cluster. */
public class JobAlreadyRunningException extends RuntimeException {

    public JobAlreadyRunningException(String job) {
        super("Job '" + job + "' is already running in the cluster.");
    }
}
