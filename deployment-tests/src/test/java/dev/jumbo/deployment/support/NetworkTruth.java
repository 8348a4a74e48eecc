package dev.jumbo.deployment.support;

import static dev.jumbo.deployment.support.JumboService.AUTH;
import static dev.jumbo.deployment.support.JumboService.CHAT;
import static dev.jumbo.deployment.support.JumboService.GATEWAY;
import static dev.jumbo.deployment.support.JumboService.MAINTENANCE;
import static dev.jumbo.deployment.support.JumboService.MEMORY;

import java.util.Map;
import java.util.Set;

/**
 * The agreed traffic between the services (docs/deployment.md#network-policies). Only the gateway is reachable
 * from outside; Prometheus reaches every metrics port; PostgreSQL/Kafka/Redis/collector/DNS are outside the release.
 */
public final class NetworkTruth {

    public static final int POSTGRESQL = 5432;
    public static final int KAFKA = 9092;
    public static final int REDIS = 6379;
    public static final int OTLP = 4318;
    public static final int DNS = 53;

    private static final Map<JumboService, Set<JumboService>> CALLERS = Map.of(
            GATEWAY, Set.of(),
            AUTH, Set.of(GATEWAY),
            CHAT, Set.of(GATEWAY, AUTH),
            MEMORY, Set.of(GATEWAY, CHAT, AUTH),
            MAINTENANCE, Set.of(GATEWAY));

    private NetworkTruth() {
    }

    /** Services of the release allowed to open connections to this one. */
    public static Set<JumboService> callersOf(JumboService service) {
        return CALLERS.get(service);
    }

    /** Services of the release this one may call. */
    public static Set<JumboService> calleesOf(JumboService service) {
        return Set.copyOf(CALLERS.entrySet().stream()
                .filter(e -> e.getValue().contains(service)).map(Map.Entry::getKey).toList());
    }

    /** Ports this service may reach outside the release (infrastructure). */
    public static Set<Integer> infrastructurePortsOf(JumboService service) {
        // the gateway owns no data and sends no events: Redis only
        return service == GATEWAY ? Set.of(REDIS, OTLP, DNS) : Set.of(POSTGRESQL, KAFKA, OTLP, DNS);
    }
}
