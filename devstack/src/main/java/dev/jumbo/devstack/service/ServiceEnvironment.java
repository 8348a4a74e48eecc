package dev.jumbo.devstack.service;

import dev.jumbo.devstack.infra.Infrastructure;
import dev.jumbo.infra.PostgresServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables devstack sets for each service: its port, the dev profile, where the infrastructure and the
 * other services are. They are laid over devstack's own environment, so any other {@code JUMBO_*} variable
 * of the caller (such as {@code JUMBO_ADMIN_EMAILS}) reaches every service unchanged.
 */
public final class ServiceEnvironment {

    static final String PROFILE = "dev";

    private final Map<String, String> shared;
    private final Map<JumboService, ServicePorts> servicePorts;

    public ServiceEnvironment(Infrastructure infrastructure, Map<JumboService, ServicePorts> servicePorts) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SPRING_PROFILES_ACTIVE", PROFILE);
        // /actuator/info then names the pid, so devstack knows the service answering a port is its own.
        variables.put("MANAGEMENT_INFO_PROCESS_ENABLED", "true");
        variables.put("JUMBO_DB_HOST", "localhost");
        variables.put("JUMBO_DB_PORT", Integer.toString(infrastructure.postgresPort()));
        variables.put("JUMBO_DB_NAME", PostgresServer.DATABASE);
        variables.put("JUMBO_DB_USER", PostgresServer.USER);
        variables.put("JUMBO_DB_PASSWORD", "");
        variables.put("JUMBO_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        // Redis listens on 127.0.0.1 only; "localhost" could resolve to ::1 first.
        variables.put("JUMBO_REDIS_HOST", "127.0.0.1");
        variables.put("JUMBO_REDIS_PORT", Integer.toString(infrastructure.redisPort()));
        servicePorts.forEach((service, ports) -> service.urlVariable()
                .ifPresent(variable -> variables.put(variable, "http://localhost:" + ports.port())));
        this.shared = Map.copyOf(variables);
        this.servicePorts = Map.copyOf(servicePorts);
    }

    /** The ports the service was given (the configured ones, or free ones where those were busy). */
    public ServicePorts portsOf(JumboService service) {
        return servicePorts.get(service);
    }

    /** What devstack sets for this service, on top of the inherited environment. */
    public Map<String, String> variablesFor(JumboService service) {
        Map<String, String> variables = new LinkedHashMap<>(shared);
        ServicePorts ports = portsOf(service);
        variables.put("SERVER_PORT", Integer.toString(ports.port()));
        service.managementPort().ifPresent(management -> ports.managementPort().ifPresent(
                port -> variables.put(management.variable(), Integer.toString(port))));
        return variables;
    }

    /** Lays this service's variables over a process environment (a copy of devstack's own). */
    public void applyTo(Map<String, String> processEnvironment, JumboService service) {
        processEnvironment.putAll(variablesFor(service));
    }
}
