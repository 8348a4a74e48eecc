package dev.jumbo.gateway.health;

import dev.jumbo.gateway.JumboGatewayProperties;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /health}: the readiness of every service behind the gateway, probed in parallel. */
@RestController
public class HealthController {

    private final ReadinessProbe probe;
    private final Map<String, URI> services;

    public HealthController(ReadinessProbe probe, JumboGatewayProperties properties) {
        this.probe = probe;
        this.services = properties.services().byName();
    }

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<HealthReport>> health() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> probe.probe(service.getKey(), service.getValue())
                        .map(status -> Map.entry(service.getKey(), status)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .map(HealthReport::of)
                .map(report -> ResponseEntity.status(report.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                        .body(report));
    }
}
