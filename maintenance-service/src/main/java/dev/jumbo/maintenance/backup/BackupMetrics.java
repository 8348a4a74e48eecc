package dev.jumbo.maintenance.backup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** {@code jumbo.maintenance.backup.age}: seconds since the newest backup in the catalogue (NaN when there is none). */
@Component
public class BackupMetrics {

    private static final Logger log = LoggerFactory.getLogger(BackupMetrics.class);

    private final AtomicReference<Instant> newest = new AtomicReference<>();
    private final BackupCatalogue catalogue;

    public BackupMetrics(MeterRegistry registry, BackupCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        Gauge.builder("jumbo.maintenance.backup.age", newest,
                        at -> at.get() == null ? Double.NaN : Duration.between(at.get(), clock.instant()).toSeconds())
                .description("Seconds since the newest backup").baseUnit("seconds").register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void refresh() {
        catalogue.newest().doOnNext(backup -> newest.set(backup.createdAt()))
                .switchIfEmpty(reactor.core.publisher.Mono.fromRunnable(() -> newest.set(null)))
                .onErrorResume(e -> {
                    log.warn("Could not read the newest backup: {}", e.getMessage());
                    return reactor.core.publisher.Mono.empty();
                })
                .subscribe();
    }
}
