package dev.jumbo.maintenance.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code jumbo.maintenance.job.duration} (timer by job and status), {@code jumbo.maintenance.job.items} (counter by
 * job) and {@code jumbo.maintenance.job.last.success} (gauge by job, epoch seconds; 0 until a run succeeded).
 */
@Component
public class JobMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the gauges of a job so they exist before its first run. */
    public void register(String job) {
        lastSuccessOf(job);
    }

    public void recordRun(String job, String status, Duration duration, long items) {
        Timer.builder("jumbo.maintenance.job.duration").description("Duration of maintenance job runs")
                .tag("job", job).tag("status", status).register(registry).record(duration);
        Counter.builder("jumbo.maintenance.job.items").description("Items handled by maintenance job runs")
                .tag("job", job).register(registry).increment(items);
    }

    public void recordSuccess(String job, Instant at) {
        lastSuccessOf(job).accumulateAndGet(at.getEpochSecond(), Math::max);
    }

    private AtomicLong lastSuccessOf(String job) {
        return lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("jumbo.maintenance.job.last.success", value, AtomicLong::get)
                    .description("When the job last succeeded, epoch seconds").baseUnit("seconds")
                    .tag("job", name).register(registry);
            return value;
        });
    }
}
