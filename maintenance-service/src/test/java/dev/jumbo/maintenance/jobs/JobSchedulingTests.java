package dev.jumbo.maintenance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.TriggerTask;
import org.springframework.scheduling.support.CronTrigger;

class JobSchedulingTests {

    @Test
    void shouldScheduleEachJobOnItsCronAndLeaveOutTheUnscheduledWhenConfigured() {
        JobScheduling scheduling = scheduling(Map.of(
                "dedup", new MaintenanceProperties.Schedule("0 30 3 * * *", Duration.ofHours(1)),
                "restore", new MaintenanceProperties.Schedule("-", Duration.ofHours(6))));
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

        scheduling.configureTasks(registrar);

        assertThat(registrar.getTriggerTaskList()).singleElement().extracting(TriggerTask::getTrigger)
                .isInstanceOfSatisfying(CronTrigger.class, trigger -> assertThat(trigger.getExpression()).isEqualTo("0 30 3 * * *"));
    }

    @Test
    void shouldRefuseToStartWhenAScheduleNamesNoJob() {
        JobScheduling scheduling = scheduling(Map.of("defrag", new MaintenanceProperties.Schedule("0 0 1 * * *", Duration.ofHours(1))));

        assertThatThrownBy(() -> scheduling.configureTasks(new ScheduledTaskRegistrar()))
                .hasMessageContaining("jumbo.maintenance.jobs.defrag names no job");
    }

    private static JobScheduling scheduling(Map<String, MaintenanceProperties.Schedule> schedules) {
        MaintenanceProperties properties = new MaintenanceProperties(
                new MaintenanceProperties.Jdbc("jdbc:postgresql://localhost/jumbo", "u", "p", 2), schedules, "memory",
                new MaintenanceProperties.Dedup(0.92, 0.5),
                new MaintenanceProperties.Archive(Duration.ofDays(180), Set.of(), Set.of()),
                new MaintenanceProperties.Backup(Path.of("/tmp"), List.of(), new MaintenanceProperties.Retention(30, 12, 12),
                        Duration.ofHours(1)),
                List.of());
        JobMetrics metrics = new JobMetrics(new SimpleMeterRegistry());
        JobRunner runner = new JobRunner(List.of(job("dedup"), job("restore")), null, null, metrics, properties,
                ObservationRegistry.NOOP, new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class),
                Runnable::run, Clock.systemUTC());
        return new JobScheduling(properties, runner, null, metrics);
    }

    private static Job job(String name) {
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public JobOutcome run(Map<String, String> parameters) {
                return new JobOutcome(0, Map.of());
            }
        };
    }
}
