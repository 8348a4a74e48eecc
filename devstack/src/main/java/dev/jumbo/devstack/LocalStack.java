package dev.jumbo.devstack;

import dev.jumbo.devstack.infra.Infrastructure;
import dev.jumbo.devstack.infra.InfrastructureStartException;
import dev.jumbo.devstack.infra.InfrastructurePids;
import dev.jumbo.devstack.infra.InfrastructureStarter;
import dev.jumbo.devstack.infra.PortAllocator;
import dev.jumbo.devstack.lifecycle.InstanceLock;
import dev.jumbo.devstack.lifecycle.ShutdownSignals;
import dev.jumbo.devstack.lifecycle.StopSequence;
import dev.jumbo.devstack.lifecycle.StopSequence.Phase;
import dev.jumbo.devstack.options.DevstackOptions;
import dev.jumbo.devstack.readiness.Readiness;
import dev.jumbo.devstack.readiness.ReadinessProbe;
import dev.jumbo.devstack.readiness.ServiceReadinessWaiter;
import dev.jumbo.devstack.report.Durations;
import dev.jumbo.devstack.report.LogTail;
import dev.jumbo.devstack.report.StartupSummary;
import dev.jumbo.devstack.report.StateFile;
import dev.jumbo.devstack.report.StateFile.State;
import dev.jumbo.devstack.service.JumboService;
import dev.jumbo.devstack.service.PreparedJar;
import dev.jumbo.devstack.service.ServiceEnvironment;
import dev.jumbo.devstack.service.ServiceJarCache;
import dev.jumbo.devstack.service.ServiceJarLocator;
import dev.jumbo.devstack.service.ServiceLauncher;
import dev.jumbo.devstack.service.ServicePorts;
import dev.jumbo.devstack.service.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the infrastructure and the services, waits until they are ready, and keeps them until told to stop. */
final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    /** A JVM recording its CDS archive writes it on exit, which takes a while when five do it at once. */
    private static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration PROBE_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration GATEWAY_HEALTH_WAIT = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 40;
    private static final String POSTGRES = "postgresql";
    private static final String KAFKA = "kafka";
    private static final String REDIS = "redis";

    private final DevstackOptions options;
    private final Instant startedAt;
    private final StopSequence stops = new StopSequence();
    private final StateFile state;
    private final AtomicBoolean shutdownStarted = new AtomicBoolean();
    private final Map<String, String> infrastructurePids = new LinkedHashMap<>();

    LocalStack(DevstackOptions options, Instant startedAt) {
        this.options = options;
        this.startedAt = startedAt;
        this.state = new StateFile(options.stateDirectory().resolve("devstack.state"));
    }

    /** Blocks while the stack runs. Returns 0 after an orderly stop, non-zero when the stack could not start. */
    int run() throws IOException {
        Files.createDirectories(options.logsDirectory());
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(options.stateDirectory().resolve("devstack.lock"));
        if (lock.isEmpty()) {
            log.error("Another devstack is already running for {}; stop it first (./jumbo down)", options.home());
            return 1;
        }
        Files.deleteIfExists(summaryFile());
        state.put("pid", Long.toString(ProcessHandle.current().pid()));
        state.put("home", options.home().toString());
        state.state(State.STARTING);
        ShutdownSignals.install(this::shutdown);
        try {
            return startAndKeepRunning();
        } catch (IOException | RuntimeException e) {
            log.error("Unexpected failure", e);
            return failed(e.toString());
        }
    }

    private int startAndKeepRunning() throws IOException {
        Map<JumboService, Path> jars = locateJars();
        if (jars.isEmpty()) {
            return failed("No runnable service jar under " + options.home()
                    + ": build the services first (./jumbo up builds what is missing), or set JUMBO_HOME");
        }

        PortAllocator ports = new PortAllocator();
        int postgresPort = ports.allocate("PostgreSQL", options.postgresPort());
        int kafkaPort = ports.allocate("Kafka", options.kafkaPort());
        int redisPort = ports.allocate("Redis", options.redisPort());

        // Copies (or extracts) the jars into .jumbo/cache while the infrastructure starts.
        CompletableFuture<Map<JumboService, PreparedJar>> preparedJars =
                new ServiceJarCache(options.cacheDirectory(), options.classDataSharing()).prepareAll(jars);
        log.info("Starting PostgreSQL, Kafka and Redis…");
        Infrastructure infrastructure;
        try {
            infrastructure = new InfrastructureStarter(options, stops).start(postgresPort, kafkaPort, redisPort);
        } catch (InfrastructureStartException e) {
            return stopRequestedMeanwhile() ? awaitStop() : failed(e.getMessage());
        }
        if (stopRequestedMeanwhile()) {
            return awaitStop();
        }
        recordInfrastructure(infrastructure);

        Map<JumboService, PreparedJar> launchable;
        try {
            launchable = preparedJars.join();
        } catch (CompletionException e) {
            return failed("Could not prepare the service jars: " + e.getCause().getMessage());
        }

        // Chosen only now, just before the launch, to leave other programs little time to take them meanwhile.
        Map<JumboService, ServicePorts> servicePorts = allocateServicePorts(ports, jars);
        ServiceEnvironment environment = new ServiceEnvironment(infrastructure, servicePorts);
        List<ServiceProcess> services = launch(launchable, new ServiceLauncher(options, environment));
        if (stopRequestedMeanwhile()) {
            return awaitStop();
        }
        ServiceReadinessWaiter waiter = new ServiceReadinessWaiter(
                new ReadinessProbe(POLL_INTERVAL, PROBE_REQUEST_TIMEOUT), options.readinessTimeout());
        Map<ServiceProcess, Readiness> readiness = waiter.awaitAll(services);
        if (stopRequestedMeanwhile()) {
            return awaitStop();
        }
        List<ServiceProcess> notReady = services.stream()
                .filter(service -> readiness.containsKey(service) && !readiness.get(service).isReady())
                .toList();
        if (!notReady.isEmpty()) {
            notReady.forEach(service -> reportNotReady(service, readiness.get(service)));
            return failed(notReady.stream().map(ServiceProcess::name).collect(Collectors.joining(", ")) + " not ready");
        }

        services.stream().filter(service -> service.service() == JumboService.GATEWAY).findFirst()
                .ifPresent(gateway -> waiter.checkGatewayHealth(gateway, GATEWAY_HEALTH_WAIT));
        reportReady(services, servicePorts, infrastructure);
        watchForUnexpectedExits(services);
        return awaitStop();
    }

    /** Stops everything in order; runs once, whoever calls it first (signal, hook or a failed start). */
    private void shutdown() {
        boolean first = shutdownStarted.compareAndSet(false, true);
        if (first) {
            state.state(State.STOPPING);
        }
        stops.stop();
        if (first) {
            state.state(State.STOPPED);
            log.info("Jumbo stopped; data kept in {}", relative(options.stateDirectory()));
        }
    }

    private Map<JumboService, Path> locateJars() {
        ServiceJarLocator locator = new ServiceJarLocator(options.home());
        Map<JumboService, Path> jars = new EnumMap<>(JumboService.class);
        for (JumboService service : JumboService.values()) {
            if (options.skippedServices().contains(service)) {
                log.info("Not starting {} (skipped); the others expect it on port {}", service.serviceName(),
                        options.portOf(service));
                continue;
            }
            locator.runnableJarOf(service).ifPresentOrElse(jar -> jars.put(service, jar), () -> log.warn(
                    "No runnable jar in {}: {} is not started (build it: ./mvnw -pl {} -am package)",
                    relative(locator.targetDirectoryOf(service)), service.serviceName(), service.serviceName()));
        }
        return jars;
    }

    /** Services devstack does not run keep their configured ports: that is where the others will call them. */
    private Map<JumboService, ServicePorts> allocateServicePorts(PortAllocator ports, Map<JumboService, Path> jars) {
        Map<JumboService, ServicePorts> servicePorts = new EnumMap<>(JumboService.class);
        for (JumboService service : JumboService.values()) {
            boolean runs = jars.containsKey(service);
            String name = service.serviceName();
            int port = runs ? ports.allocate(name, options.portOf(service)) : reserved(ports, options.portOf(service));
            OptionalInt management = options.managementPortOf(service);
            if (management.isEmpty()) {
                servicePorts.put(service, ServicePorts.of(port));
            } else {
                int managementPort = management.getAsInt();
                servicePorts.put(service, ServicePorts.of(port, runs
                        ? ports.allocate(name + " actuator", managementPort) : reserved(ports, managementPort)));
            }
        }
        return servicePorts;
    }

    private static int reserved(PortAllocator ports, int port) {
        ports.reserve(port);
        return port;
    }

    private List<ServiceProcess> launch(Map<JumboService, PreparedJar> jars, ServiceLauncher launcher) throws IOException {
        log.info("Starting {} (one JVM each, -Xmx{}; {})…",
                jars.keySet().stream().map(JumboService::serviceName).collect(Collectors.joining(", ")),
                options.serviceHeap(), describeSharing(jars.values()));
        List<ServiceProcess> services = new ArrayList<>();
        for (Map.Entry<JumboService, PreparedJar> jar : jars.entrySet()) {
            if (stops.isStopRequested()) {
                break;
            }
            ServiceProcess service = launcher.launch(jar.getKey(), jar.getValue());
            boolean recording = service.jar().sharing() == PreparedJar.Sharing.RECORD;
            stops.register(Phase.SERVICES, service.name(), () -> {
                if (recording) {
                    log.info("{} writes its class-data-sharing archive as it exits (once per build)", service.name());
                }
                service.stop(recording ? RECORDING_STOP_GRACE : SERVICE_STOP_GRACE);
            });
            state.put("pid." + service.name(), Long.toString(service.pid()));
            services.add(service);
        }
        return services;
    }

    private static String describeSharing(Collection<PreparedJar> jars) {
        long using = jars.stream().filter(jar -> jar.sharing() == PreparedJar.Sharing.USE).count();
        long recording = jars.stream().filter(jar -> jar.sharing() == PreparedJar.Sharing.RECORD).count();
        if (using == 0 && recording == 0) {
            return "class-data sharing off";
        }
        if (recording == 0) {
            return "class-data sharing on";
        }
        return "recording class-data-sharing archives for " + recording + " of them: later starts are faster";
    }

    private void reportNotReady(ServiceProcess service, Readiness readiness) {
        String why = readiness.status() == Readiness.Status.EXITED
                ? "exited with code " + service.exitCode() + " before it was ready"
                : "was not ready after " + Durations.seconds(readiness.waited());
        StringBuilder message = new StringBuilder()
                .append(service.name()).append(' ').append(why)
                .append(". Last lines of ").append(relative(service.log())).append(":\n");
        List<String> tail = LogTail.lastLines(service.log(), LOG_TAIL_LINES);
        tail.forEach(line -> message.append("  | ").append(line).append('\n'));
        if (tail.isEmpty()) {
            message.append("  (nothing logged yet)\n");
        }
        log.error(message.toString());
    }

    private void reportReady(List<ServiceProcess> services, Map<JumboService, ServicePorts> servicePorts,
                             Infrastructure infrastructure) throws IOException {
        Duration took = Duration.between(startedAt, Instant.now());
        StartupSummary summary = new StartupSummary();
        for (JumboService service : JumboService.values()) {
            ServicePorts ports = servicePorts.get(service);
            Optional<ServiceProcess> running = services.stream().filter(process -> process.service() == service).findFirst();
            String pid = running.map(process -> Long.toString(process.pid())).orElse("-");
            String logFile = running.map(process -> relative(process.log())).orElse(
                    options.skippedServices().contains(service) ? "(skipped: run it yourself)" : "(not started: no runnable jar)");
            summary.add(service.serviceName(), ports.port(), pid, logFile);
            ports.managementPort().ifPresent(port -> summary.add(service.serviceName() + " actuator", port, pid, logFile));
            state.put("readiness." + service.serviceName(), ReadinessProbe.readinessUrlOf(ports.readinessPort()).toString());
        }
        summary.add(POSTGRES, infrastructure.postgresPort(), infrastructurePids.getOrDefault(POSTGRES, "-"),
                relative(options.logsDirectory().resolve("postgres.log")));
        summary.add(KAFKA, infrastructure.kafkaPort(), infrastructurePids.getOrDefault(KAFKA, "-"),
                relative(options.kafkaDirectory().resolve("broker.log")));
        summary.add(REDIS, infrastructure.redisPort(), infrastructurePids.getOrDefault(REDIS, "-"), "-");

        boolean gatewayRuns = services.stream().anyMatch(service -> service.service() == JumboService.GATEWAY);
        String url = "http://localhost:" + servicePorts.get(JumboService.GATEWAY).port();
        String headline = gatewayRuns
                ? "Jumbo is ready in %s  →  %s".formatted(Durations.seconds(took), url)
                : "Jumbo is ready in %s  (no gateway running: call the services directly)".formatted(Durations.seconds(took));
        String text = "\n" + headline + "\n\n" + summary.render()
                + "\nStop with Ctrl-C (or ./jumbo down); data stays in " + relative(options.stateDirectory()) + "\n";
        System.out.println(text);
        System.out.flush();

        Files.writeString(summaryFile(), text.strip() + "\n");
        if (gatewayRuns) {
            state.put("url", url);
        }
        state.put("ready_seconds", String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0));
        summary.rows().stream().filter(row -> !row.name().contains(" "))
                .forEach(row -> state.put("port." + row.name(), row.port()));
        state.state(State.READY);
    }

    /** Written at once, so ./jumbo down can find them even if devstack dies before everything is ready. */
    private void recordInfrastructure(Infrastructure infrastructure) {
        InfrastructurePids.postgres(options.postgresDataDirectory())
                .ifPresent(pid -> infrastructurePids.put(POSTGRES, pid.toString()));
        InfrastructurePids.kafka().ifPresent(pid -> infrastructurePids.put(KAFKA, pid.toString()));
        InfrastructurePids.redis().ifPresent(pid -> infrastructurePids.put(REDIS, pid.toString()));
        infrastructurePids.forEach((name, pid) -> state.put("pid." + name, pid));
        state.put("port." + POSTGRES, Integer.toString(infrastructure.postgresPort()));
        state.put("port." + KAFKA, Integer.toString(infrastructure.kafkaPort()));
        state.put("port." + REDIS, Integer.toString(infrastructure.redisPort()));
    }

    private void watchForUnexpectedExits(List<ServiceProcess> services) {
        services.forEach(service -> service.onExit().thenRun(() -> {
            if (!stops.isStopRequested()) {
                log.warn("{} exited with code {}; the rest keeps running. See {}", service.name(), service.exitCode(),
                        relative(service.log()));
            }
        }));
    }

    private int failed(String reason) {
        log.error("Jumbo did not start: {}", reason);
        state.put("failure", reason.replace('\n', ' '));
        shutdown();
        state.state(State.FAILED);
        return 1;
    }

    private boolean stopRequestedMeanwhile() {
        return stops.isStopRequested();
    }

    private int awaitStop() {
        stops.awaitStopped();
        return 0;
    }

    private Path summaryFile() {
        return options.stateDirectory().resolve("devstack.summary");
    }

    private String relative(Path path) {
        return options.home().relativize(path.toAbsolutePath().normalize()).toString();
    }
}
