package dev.jumbo.devstack.options;

import dev.jumbo.devstack.service.JumboService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What devstack runs and where. Every value comes from a CLI flag, else from an environment variable,
 * else from its default; see {@link DevstackOptionsParser} and {@link #usage()}.
 *
 * @param home the project root: the folder holding the service modules and {@code .jumbo/}
 * @param servicePorts the port each service should listen on (0 = any free port)
 * @param managementPorts the actuator port of each service that has a separate one (the gateway)
 * @param postgresPort PostgreSQL's preferred port (0 = any free port)
 * @param kafkaPort Kafka's preferred client port (0 = any free port)
 * @param redisPort Redis's preferred port (0 = any free port)
 * @param serviceHeap {@code -Xmx} of each service JVM, such as {@code 384m}
 * @param kafkaHeap {@code -Xmx} of the Kafka broker JVM
 * @param serviceJvmOptions extra JVM options for every service, before {@code -jar}
 * @param classDataSharing whether services run from extracted jars with a CDS archive: about 20% less start-up
 *        CPU once the archive exists, but the first run after each build records it (slower start and stop)
 * @param readinessTimeout how long every service gets to report ready
 * @param skippedServices services not to start (run from an IDE instead, for example)
 * @param helpRequested whether {@code --help} was given
 */
public record DevstackOptions(
        Path home,
        Map<JumboService, Integer> servicePorts,
        Map<JumboService, Integer> managementPorts,
        int postgresPort,
        int kafkaPort,
        int redisPort,
        String serviceHeap,
        String kafkaHeap,
        List<String> serviceJvmOptions,
        boolean classDataSharing,
        Duration readinessTimeout,
        Set<JumboService> skippedServices,
        boolean helpRequested) {

    public static final int DEFAULT_POSTGRES_PORT = 5432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_REDIS_PORT = 6379;
    public static final String DEFAULT_SERVICE_HEAP = "384m";
    public static final String DEFAULT_KAFKA_HEAP = "512m";
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(180);

    public DevstackOptions {
        home = home.toAbsolutePath().normalize();
        EnumMap<JumboService, Integer> ports = new EnumMap<>(JumboService.class);
        ports.putAll(servicePorts);
        servicePorts = Collections.unmodifiableMap(ports);
        EnumMap<JumboService, Integer> management = new EnumMap<>(JumboService.class);
        management.putAll(managementPorts);
        managementPorts = Collections.unmodifiableMap(management);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        skippedServices = skippedServices.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(JumboService.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(skippedServices));
    }

    /** Reads flags first, then {@code JUMBO_*} variables, then defaults. */
    public static DevstackOptions parse(List<String> args, Map<String, String> environment, Path workingDirectory) {
        return new DevstackOptionsParser(environment, workingDirectory).parse(args);
    }

    public int portOf(JumboService service) {
        return servicePorts.get(service);
    }

    /** The configured actuator port of a service that has a separate one. */
    public OptionalInt managementPortOf(JumboService service) {
        Integer port = managementPorts.get(service);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** {@code .jumbo/}: PostgreSQL and Kafka data, logs, the state file. */
    public Path stateDirectory() {
        return home.resolve(".jumbo");
    }

    public Path logsDirectory() {
        return stateDirectory().resolve("logs");
    }

    public Path postgresDataDirectory() {
        return stateDirectory().resolve("postgres");
    }

    public Path kafkaDirectory() {
        return stateDirectory().resolve("kafka");
    }

    /** Private copies of the service jars (extracted for CDS) and their CDS archives. */
    public Path cacheDirectory() {
        return stateDirectory().resolve("cache");
    }

    public static String usage() {
        return """
                Usage: devstack [options]

                Starts PostgreSQL, Kafka and Redis, then every Jumbo service as its own JVM, waits until all
                of them are ready and keeps running until Ctrl-C / SIGTERM, which stops everything in order.
                Data and logs stay under <home>/.jumbo.

                Options (each also read from the environment variable shown; the flag wins):
                  --home DIR              project root                        JUMBO_HOME        (current directory)
                  --gateway-port N        gateway port                        JUMBO_GATEWAY_PORT      (8080)
                  --gateway-management-port N
                                          gateway actuator port               JUMBO_GATEWAY_MANAGEMENT_PORT (9080)
                  --auth-port N           auth-service port                   JUMBO_AUTH_PORT         (8081)
                  --chat-port N           chat-service port                   JUMBO_CHAT_PORT         (8082)
                  --memory-port N         memory-service port                 JUMBO_MEMORY_PORT       (8083)
                  --maintenance-port N    maintenance-service port            JUMBO_MAINTENANCE_PORT  (8084)
                  --db-port N             PostgreSQL port                     JUMBO_DB_PORT           (5432)
                  --kafka-port N          Kafka port                          JUMBO_KAFKA_PORT        (9092)
                  --redis-port N          Redis port                          JUMBO_REDIS_PORT        (6379)
                  --heap SIZE             -Xmx of each service JVM            JUMBO_SERVICE_HEAP      (384m)
                  --kafka-heap SIZE       -Xmx of the Kafka broker JVM        JUMBO_KAFKA_HEAP        (512m)
                  --jvm-opts "OPTS"       extra JVM options for the services  JUMBO_SERVICE_JVM_OPTS  (none)
                  --cds true|false        class-data sharing for the services JUMBO_CDS               (false)
                  --timeout SECONDS       readiness timeout (90, 90s or 3m)   JUMBO_READY_TIMEOUT     (180)
                  --skip a,b              services not to start               JUMBO_SKIP_SERVICES     (none)
                  -h, --help              this text

                A busy port is replaced by a free one (and devstack says so); port 0 means any free port.
                Every other JUMBO_* variable of this environment reaches the services unchanged.
                """;
    }
}
