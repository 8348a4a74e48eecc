package dev.jumbo.gateway.health;

import dev.jumbo.gateway.JumboGatewayProperties;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Asks one service for its readiness ({@code /actuator/health/readiness}). Anything but a timely
 * {@code 2xx} with {@code "status":"UP"} counts as {@code DOWN}; the probe itself never fails.
 */
@Component
public class ReadinessProbe {

    static final String READINESS_PATH = "/actuator/health/readiness";
    static final String OBSERVATION_NAME = "jumbo.gateway.readiness.probes";
    private static final Logger log = LoggerFactory.getLogger(ReadinessProbe.class);

    private final WebClient webClient;
    private final Duration timeout;

    public ReadinessProbe(WebClient.Builder webClientBuilder, JumboGatewayProperties properties) {
        // not the default name: the gateway's own http.client.requests meters carry other tags, and
        // Prometheus drops a second meter of the same name with a different tag set
        this.webClient = webClientBuilder.clone()
                .observationConvention(new DefaultClientRequestObservationConvention(OBSERVATION_NAME))
                .build();
        this.timeout = properties.healthTimeout();
    }

    public Mono<ServiceStatus> probe(String service, URI baseUrl) {
        URI readiness = UriComponentsBuilder.fromUri(baseUrl).path(READINESS_PATH).build().toUri();
        return webClient.get().uri(readiness).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(ReadinessBody.class).map(ReadinessBody::toServiceStatus)
                        : response.releaseBody().then(Mono.<ServiceStatus>empty()))
                .timeout(timeout)
                .defaultIfEmpty(ServiceStatus.DOWN)
                .onErrorResume(failure -> {
                    log.debug("Readiness probe of {} at {} failed: {}", service, readiness, failure.toString());
                    return Mono.just(ServiceStatus.DOWN);
                });
    }

    /** The part of Spring Boot's health answer the probe reads. */
    record ReadinessBody(String status) {

        ServiceStatus toServiceStatus() {
            return "UP".equals(status) ? ServiceStatus.UP : ServiceStatus.DOWN;
        }
    }
}
