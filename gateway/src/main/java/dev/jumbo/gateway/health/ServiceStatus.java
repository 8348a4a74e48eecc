package dev.jumbo.gateway.health;

/** Whether a service answers as ready. */
public enum ServiceStatus {
    UP,
    DOWN
}
