package dev.jumbo.devstack;

import dev.jumbo.devstack.options.DevstackOptions;
import dev.jumbo.devstack.options.InvalidOptionException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar devstack.jar [options]}: the whole of Jumbo on this machine, on embedded PostgreSQL,
 * Kafka and Redis. See {@link DevstackOptions#usage()}.
 */
public final class Devstack {

    /** Read by {@code devstack-logback.xml}. */
    static final String LOGS_DIRECTORY_PROPERTY = "jumbo.devstack.logs";

    private Devstack() {
    }

    public static void main(String[] args) throws Exception {
        Instant jvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        DevstackOptions options;
        try {
            options = DevstackOptions.parse(List.of(args), System.getenv(), Path.of("").toAbsolutePath());
        } catch (InvalidOptionException e) {
            System.err.println("devstack: " + e.getMessage());
            System.err.println();
            System.err.print(DevstackOptions.usage());
            System.exit(2);
            return;
        }
        if (options.helpRequested()) {
            System.out.print(DevstackOptions.usage());
            return;
        }
        configureLogging(options);
        int exitCode = new LocalStack(options, jvmStarted).run();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
        // After an orderly stop the signal handler exits the JVM with the signal's status.
    }

    /**
     * Must run before the first logger exists. Devstack's own logging config has its own name: the Kafka
     * broker child JVM shares this classpath and reads the plain {@code logback.xml}.
     */
    private static void configureLogging(DevstackOptions options) {
        System.setProperty(LOGS_DIRECTORY_PROPERTY, options.logsDirectory().toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "devstack-logback.xml");
        }
        LoggerFactory.getLogger(Devstack.class).debug("Logging to the console and {}", options.logsDirectory());
    }
}
