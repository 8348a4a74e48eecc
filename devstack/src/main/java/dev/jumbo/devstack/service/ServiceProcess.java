package dev.jumbo.devstack.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM. */
public final class ServiceProcess {

    private final JumboService service;
    private final ServicePorts ports;
    private final Process process;
    private final Path log;
    private final PreparedJar jar;

    ServiceProcess(JumboService service, ServicePorts ports, Process process, Path log, PreparedJar jar) {
        this.service = service;
        this.ports = ports;
        this.process = process;
        this.log = log;
        this.jar = jar;
    }

    public JumboService service() {
        return service;
    }

    public String name() {
        return service.serviceName();
    }

    public int port() {
        return ports.port();
    }

    public ServicePorts ports() {
        return ports;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public PreparedJar jar() {
        return jar;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /**
     * SIGTERM (Spring Boot shuts down gracefully), then SIGKILL if it is still running after {@code grace}.
     * A JVM that ended on its own has finished writing its class-data-sharing archive, if it was recording one.
     */
    public void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            jar.keepRecording();
        } else {
            process.destroyForcibly().waitFor();
            jar.discardRecording();
        }
    }
}
