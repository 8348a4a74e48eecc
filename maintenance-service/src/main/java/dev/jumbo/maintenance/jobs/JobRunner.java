package dev.jumbo.maintenance.jobs;

import dev.jumbo.maintenance.config.MaintenanceProperties;
import dev.jumbo.platform.web.ProblemException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Starts job runs, cluster-safe: a run first takes the job's ShedLock lock (one row per job in the shared
 * database), so with any number of replicas a job runs at most once at a time; when the lock is held the start
 * fails with {@link JobAlreadyRunningException}. Every run gets a {@code job_runs} row, an observation (its own
 * trace, whose id is in the row and in every log line of the run) and metrics.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Map<String, Job> jobs;
    private final LockProvider locks;
    private final JobRunRepository runs;
    private final JobMetrics metrics;
    private final MaintenanceProperties properties;
    private final ObservationRegistry observations;
    private final ObjectProvider<Tracer> tracer;
    private final Executor executor;
    private final Clock clock;
    private final String instance = instanceName();

    public JobRunner(List<Job> jobs, LockProvider locks, JobRunRepository runs, JobMetrics metrics,
                     MaintenanceProperties properties, ObservationRegistry observations, ObjectProvider<Tracer> tracer,
                     @Qualifier("jobExecutor") Executor executor, Clock clock) {
        this.jobs = jobs.stream().collect(Collectors.toUnmodifiableMap(Job::name, Function.identity()));
        this.locks = locks;
        this.runs = runs;
        this.metrics = metrics;
        this.properties = properties;
        this.observations = observations;
        this.tracer = tracer;
        this.executor = executor;
        this.clock = clock;
        this.jobs.keySet().forEach(metrics::register);
    }

    public Optional<Job> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    public List<String> jobNames() {
        return jobs.keySet().stream().sorted().toList();
    }

    /**
     * Takes the job's lock, records the run as running and hands it to a job thread. Blocking (JDBC): call it
     * off the event loops.
     * @throws JobAlreadyRunningException when the job runs anywhere in the cluster
     */
    public JobRun start(Job job, String trigger, Map<String, String> parameters) {
        Instant now = clock.instant();
        SimpleLock lock = locks.lock(new LockConfiguration(now, job.name(), lockAtMostFor(job.name()), Duration.ZERO))
                .orElseThrow(() -> new JobAlreadyRunningException(job.name()));
        try {
            Long abandoned = runs.abandonRunning(job.name(), now.truncatedTo(ChronoUnit.MICROS)).block();
            if (abandoned != null && abandoned > 0) {
                log.warn("Job {}: {} earlier run(s) were left running by a stopped replica; marked failed", job.name(), abandoned);
            }
            Observation observation = Observation.createNotStarted("jumbo.maintenance.job.run", observations)
                    .contextualName("job " + job.name())
                    .lowCardinalityKeyValue("job", job.name())
                    .lowCardinalityKeyValue("trigger", trigger)
                    .start();
            JobRun run;
            try (Observation.Scope ignored = observation.openScope()) {
                run = new JobRun(UUID.randomUUID(), job.name(), JobRun.RUNNING, trigger,
                        now.truncatedTo(ChronoUnit.MICROS), null, Map.of(), null, traceId());
                runs.insert(run, instance).block();
                log.info("Job {} run {} started ({})", job.name(), run.id(), trigger);
            }
            executor.execute(() -> execute(job, run, parameters, lock, observation));
            return run;
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** {@link #start} for a request path: runs it on boundedElastic; a held lock becomes a 409 problem. */
    public Mono<JobRun> startNow(Job job, Map<String, String> parameters) {
        return Mono.fromCallable(() -> start(job, "admin", parameters))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(JobAlreadyRunningException.class, e -> new ProblemException(HttpStatus.CONFLICT,
                        "job-already-running", "Job already running", e.getMessage()));
    }

    /** For the schedule: starts the job unless it already runs somewhere. */
    public Optional<JobRun> startIfIdle(Job job, String trigger) {
        try {
            return Optional.of(start(job, trigger, Map.of()));
        } catch (JobAlreadyRunningException e) {
            log.info("Job {} not started by the {}: it is already running in the cluster", job.name(), trigger);
            return Optional.empty();
        }
    }

    private void execute(Job job, JobRun run, Map<String, String> parameters, SimpleLock lock, Observation observation) {
        long started = System.nanoTime();
        String status = JobRun.FAILED;
        long items = 0;
        Map<String, Object> stats = Map.of();
        String error = null;
        try (Observation.Scope ignored = observation.openScope()) {
            try {
                JobOutcome outcome = job.run(parameters);
                status = JobRun.SUCCEEDED;
                items = outcome.items();
                stats = outcome.stats();
                log.info("Job {} run {} succeeded: {}", job.name(), run.id(), stats);
            } catch (Throwable e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                observation.error(e);
                log.error("Job {} run {} failed: {}", job.name(), run.id(), error, e);
            }
            Instant finished = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try {
                runs.finish(run.id(), status, finished, stats, error).block();
            } catch (RuntimeException e) {
                log.error("Job {} run {} ended {} but its row could not be updated", job.name(), run.id(), status, e);
            }
            metrics.recordRun(job.name(), status, Duration.ofNanos(System.nanoTime() - started), items);
            if (JobRun.SUCCEEDED.equals(status)) {
                metrics.recordSuccess(job.name(), finished);
            }
        } finally {
            observation.lowCardinalityKeyValue("status", status).stop();
            lock.unlock();
        }
    }

    private Duration lockAtMostFor(String job) {
        MaintenanceProperties.Schedule schedule = properties.jobs().get(job);
        return schedule == null ? Duration.ofHours(1) : schedule.lockAtMostFor();
    }

    private String traceId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
