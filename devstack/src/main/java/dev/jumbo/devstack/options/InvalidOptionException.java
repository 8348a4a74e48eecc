package dev.jumbo.devstack.options;

/** A flag or {@code JUMBO_*} variable devstack cannot use; the message says which and what it expects. */
public class InvalidOptionException extends IllegalArgumentException {

    public InvalidOptionException(String message) {
        super(message);
    }
}
