package dev.jumbo.maintenance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.maintenance.support.MaintenanceIntegrationTest;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

class ClusterLockIntegrationTests extends MaintenanceIntegrationTest {

    private static final String PROBE = "lock-probe";

    @Autowired
    JobRunner runner;

    @Autowired
    LockProvider locks;

    @Autowired
    JobRunRepository runs;

    @Autowired
    JobMetrics metrics;

    @Autowired
    MaintenanceProperties properties;

    @Autowired
    ApplicationContext context;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        database.sql("DELETE FROM job_runs WHERE job = :job").bind("job", PROBE).then().block();
    }

    @Test
    void shouldRunOnceWhenTwoInstancesStartTheSameJobConcurrently() throws Exception {
        JobRunner otherInstance = secondInstance();
        AtomicInteger executions = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Job probe = blockingJob(executions, release);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        closeables.add(callers::shutdownNow);

        Future<Object> first = callers.submit(() -> startOrFailure(runner, probe, go));
        Future<Object> second = callers.submit(() -> startOrFailure(otherInstance, probe, go));
        go.countDown();
        List<Object> outcomes = List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS));

        assertThat(outcomes).filteredOn(JobRun.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(JobAlreadyRunningException.class::isInstance).hasSize(1);
        release.countDown();
        JobRun run = (JobRun) outcomes.stream().filter(JobRun.class::isInstance).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> JobRun.SUCCEEDED.equals(runs.find(run.id()).block().status()));
        assertThat(executions).hasValue(1);

        // the lock is released when the run ends: the other instance may run it now
        CountDownLatch released = new CountDownLatch(0);
        JobRun next = otherInstance.start(blockingJob(executions, released), "test", Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> JobRun.SUCCEEDED.equals(runs.find(next.id()).block().status()));
        assertThat(executions).hasValue(2);
    }

    @Test
    void shouldAnswerConflictWhenTheJobRunsOnAnotherInstance() {
        SimpleLock held = locks.lock(new LockConfiguration(Instant.now(), "archive", Duration.ofMinutes(1), Duration.ZERO))
                .orElseThrow();
        try {
            http.post().uri("/api/v1/admin/jobs/archive/runs").header("Authorization", adminToken()).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("Job 'archive' is already running in the cluster.");
        } finally {
            held.unlock();
        }
        runJob("archive");
    }

    private static Object startOrFailure(JobRunner runner, Job job, CountDownLatch go) throws InterruptedException {
        go.await();
        try {
            return runner.start(job, "test", Map.of());
        } catch (JobAlreadyRunningException e) {
            return e;
        }
    }

    private static Job blockingJob(AtomicInteger executions, CountDownLatch release) {
        return new Job() {
            @Override
            public String name() {
                return PROBE;
            }

            @Override
            public JobOutcome run(Map<String, String> parameters) {
                executions.incrementAndGet();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new JobOutcome(1, Map.of("probe", true));
            }
        };
    }

    /** A second replica's runner: its own connection pool and lock provider on the same database. */
    private JobRunner secondInstance() {
        MaintenanceProperties.Jdbc jdbc = properties.jdbc();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbc.url());
        dataSource.setUsername(jdbc.username());
        dataSource.setPassword(jdbc.password());
        dataSource.setMaximumPoolSize(2);
        closeables.add(dataSource);
        LockProvider otherLocks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("maintenance.shedlock").usingDbTime().build());
        return new JobRunner(List.of(), otherLocks, runs, metrics, properties, ObservationRegistry.NOOP,
                context.getBeanProvider(Tracer.class), new SimpleAsyncTaskExecutor("other-instance-"), Clock.systemUTC());
    }
}
