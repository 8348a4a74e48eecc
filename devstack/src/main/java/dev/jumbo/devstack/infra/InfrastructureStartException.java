package dev.jumbo.devstack.infra;

/** PostgreSQL, Kafka or Redis did not start; the message names which and why. */
public class InfrastructureStartException extends RuntimeException {

    InfrastructureStartException(String server, Throwable cause) {
        super(server + " did not start: " + rootMessage(cause), cause);
    }

    InfrastructureStartException(Throwable cause) {
        super(cause instanceof InfrastructureStartException ? cause.getMessage() : "Infrastructure did not start: "
                + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error || error.getMessage() == null
                ? String.valueOf(root)
                : error.getMessage() + " (" + root + ")";
    }
}
