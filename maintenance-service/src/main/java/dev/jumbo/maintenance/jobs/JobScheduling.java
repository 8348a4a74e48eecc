package dev.jumbo.maintenance.jobs;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Each job on its cron (UTC) from {@code jumbo.maintenance.jobs.<job>.cron}. Every replica fires the trigger;
 * the job's cluster lock lets one of them run it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class JobScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(JobScheduling.class);

    private final MaintenanceProperties properties;
    private final JobRunner runner;
    private final JobRunRepository runs;
    private final JobMetrics metrics;

    JobScheduling(MaintenanceProperties properties, JobRunner runner, JobRunRepository runs, JobMetrics metrics) {
        this.properties = properties;
        this.runner = runner;
        this.runs = runs;
        this.metrics = metrics;
    }

    /** Job threads: the runs themselves (blocking work allowed), at most one per job per replica thanks to the lock. */
    @Bean
    static Executor jobExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("maintenance-job-");
        executor.setConcurrencyLimit(16);
        return executor;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        properties.jobs().forEach((name, schedule) -> {
            Job job = runner.job(name).orElseThrow(() -> new IllegalStateException(
                    "jumbo.maintenance.jobs." + name + " names no job; jobs are " + runner.jobNames()));
            if (schedule.scheduled()) {
                registrar.addTriggerTask(() -> runner.startIfIdle(job, "schedule"),
                        new CronTrigger(schedule.cron(), TimeZone.getTimeZone(ZoneOffset.UTC)));
                log.info("Job {} scheduled at '{}' (UTC)", name, schedule.cron());
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void restoreLastSuccessGauges() {
        runs.lastSuccesses().doOnNext(entry -> metrics.recordSuccess(entry.getKey(), entry.getValue()))
                .onErrorResume(e -> {
                    log.warn("Could not read the last successful runs: {}", e.getMessage());
                    return reactor.core.publisher.Mono.empty();
                })
                .subscribe();
    }
}
