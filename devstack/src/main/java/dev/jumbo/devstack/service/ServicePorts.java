package dev.jumbo.devstack.service;

import java.util.OptionalInt;

/** Where a service listens: its API port and, for the gateway, a separate actuator port. */
public record ServicePorts(int port, OptionalInt managementPort) {

    public static ServicePorts of(int port) {
        return new ServicePorts(port, OptionalInt.empty());
    }

    public static ServicePorts of(int port, int managementPort) {
        return new ServicePorts(port, OptionalInt.of(managementPort));
    }

    /** Actuator's readiness endpoint lives on the management port when there is one. */
    public int readinessPort() {
        return managementPort.orElse(port);
    }
}
