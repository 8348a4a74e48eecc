package dev.jumbo.devstack.service;

import dev.jumbo.devstack.options.DevstackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Starts a service jar as its own JVM, its output going to {@code .jumbo/logs/<service>.log}. */
public final class ServiceLauncher {

    private final DevstackOptions options;
    private final ServiceEnvironment environment;

    public ServiceLauncher(DevstackOptions options, ServiceEnvironment environment) {
        this.options = options;
        this.environment = environment;
    }

    public ServiceProcess launch(JumboService service, PreparedJar jar) throws IOException {
        Path log = logOf(service);
        keepPreviousLog(log);
        ProcessBuilder builder = new ProcessBuilder(commandFor(jar))
                .directory(options.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment.applyTo(builder.environment(), service);
        return new ServiceProcess(service, environment.portsOf(service), builder.start(), log, jar);
    }

    public Path logOf(JumboService service) {
        return options.logsDirectory().resolve(service.serviceName() + ".log");
    }

    /** Small heap, serial GC and C1 only: five JVMs share a laptop, and start-up time matters more than peak speed. */
    List<String> commandFor(PreparedJar jar) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx" + options.serviceHeap());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jar.jvmOptions());
        command.addAll(options.serviceJvmOptions());
        command.add("-jar");
        command.add(jar.jar().toString());
        return command;
    }

    /** The services run on the JVM devstack runs on. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The log of the previous run survives one restart as {@code <service>.log.1}. */
    private static void keepPreviousLog(Path log) throws IOException {
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
