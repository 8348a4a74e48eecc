package dev.jumbo.devstack.readiness;

import java.time.Duration;

/** How waiting for one readiness endpoint ended, and after how long. */
public record Readiness(Status status, Duration waited) {

    public enum Status {
        READY,
        TIMED_OUT,
        /** The process behind the endpoint is gone; waiting longer cannot help. */
        EXITED
    }

    public boolean isReady() {
        return status == Status.READY;
    }
}
