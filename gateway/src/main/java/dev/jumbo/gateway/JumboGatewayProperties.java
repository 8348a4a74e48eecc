package dev.jumbo.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings ({@code jumbo.gateway.*}). The routes in {@code application.yml} read the
 * service URLs from here too, so one variable per service moves both the route and its health probe.
 *
 * @param services where each service behind the gateway listens
 * @param healthTimeout how long {@code GET /health} waits for one service's readiness answer
 * @param maxRequestBodySize request bodies larger than this answer {@code 413}
 */
@Validated
@ConfigurationProperties("jumbo.gateway")
public record JumboGatewayProperties(
        @NotNull @Valid Services services,
        @NotNull @DefaultValue("2s") Duration healthTimeout,
        @NotNull @DefaultValue("64KB") DataSize maxRequestBodySize) {

    public JumboGatewayProperties {
        if (healthTimeout != null && (healthTimeout.isZero() || healthTimeout.isNegative())) {
            throw new IllegalArgumentException("jumbo.gateway.health-timeout must be positive, was " + healthTimeout);
        }
        if (maxRequestBodySize != null && maxRequestBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException(
                    "jumbo.gateway.max-request-body-size must be positive, was " + maxRequestBodySize);
        }
    }

    /** Base URLs (scheme, host, port) of the services behind the gateway. */
    public record Services(@NotNull URI auth, @NotNull URI chat, @NotNull URI memory, @NotNull URI maintenance) {

        /** The services by the name {@code /health} reports them under, in a stable order. */
        public Map<String, URI> byName() {
            Map<String, URI> byName = new LinkedHashMap<>();
            byName.put("auth", auth);
            byName.put("chat", chat);
            byName.put("memory", memory);
            byName.put("maintenance", maintenance);
            return byName;
        }
    }
}
