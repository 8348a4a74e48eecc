package dev.jumbo.devstack.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The services devstack runs, with the module each one is built in and how the others find it. */
public enum JumboService {

    /** Serves actuator on a port of its own, so {@code /actuator/**} is not public. */
    GATEWAY("gateway", "gateway", 8080, "JUMBO_GATEWAY_PORT", null,
            new ManagementPort(9080, "JUMBO_GATEWAY_MANAGEMENT_PORT")),
    AUTH("auth-service", "auth", 8081, "JUMBO_AUTH_PORT", "JUMBO_AUTH_URL", null),
    CHAT("chat-service", "chat", 8082, "JUMBO_CHAT_PORT", "JUMBO_CHAT_URL", null),
    MEMORY("memory-service", "memory", 8083, "JUMBO_MEMORY_PORT", "JUMBO_MEMORY_URL", null),
    MAINTENANCE("maintenance-service", "maintenance", 8084, "JUMBO_MAINTENANCE_PORT", "JUMBO_MAINTENANCE_URL", null);

    /** A separate actuator port: its default and the variable the service reads it from. */
    public record ManagementPort(int defaultPort, String variable) {
    }

    private final String serviceName;
    private final String shortName;
    private final int defaultPort;
    private final String portVariable;
    private final String urlVariable;
    private final ManagementPort managementPort;

    JumboService(String serviceName, String shortName, int defaultPort, String portVariable, String urlVariable,
                 ManagementPort managementPort) {
        this.serviceName = serviceName;
        this.shortName = shortName;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
        this.urlVariable = urlVariable;
        this.managementPort = managementPort;
    }

    /** The Maven module, the jar's base name and the log file's base name. */
    public String serviceName() {
        return serviceName;
    }

    /** Used in CLI flags ({@code --auth-port}) and accepted wherever a service is named. */
    public String shortName() {
        return shortName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The variable that overrides this service's port when devstack runs it. */
    public String portVariable() {
        return portVariable;
    }

    /** The variable the other services read to call this one; the gateway is nobody's upstream. */
    public Optional<String> urlVariable() {
        return Optional.ofNullable(urlVariable);
    }

    /** Present when actuator (and so the readiness endpoint) listens on a port of its own. */
    public Optional<ManagementPort> managementPort() {
        return Optional.ofNullable(managementPort);
    }

    /** Accepts the module name ({@code chat-service}) or the short name ({@code chat}). */
    public static Optional<JumboService> byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(service -> service.serviceName.equals(wanted) || service.shortName.equals(wanted))
                .findFirst();
    }
}
