package dev.jumbo.maintenance.jobs;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Job runs (API.md, "Administration"); the chassis answers 404 to anyone without role admin. */
@RestController
@RequestMapping("/api/v1/admin/jobs")
class JobsController {

    private final JobRunner runner;
    private final JobRunRepository runs;

    JobsController(JobRunner runner, JobRunRepository runs) {
        this.runner = runner;
        this.runs = runs;
    }

    @GetMapping
    Mono<AdminRequests.Page<JobRun>> list(@RequestParam(required = false) String job,
                                          @RequestParam(required = false) String limit,
                                          @RequestParam(required = false) String cursor) {
        if (job != null && runner.job(job).isEmpty()) {
            throw AdminRequests.invalid("'job' must be one of " + String.join(", ", runner.jobNames()) + ".");
        }
        int size = AdminRequests.limit(limit);
        RunCursor after = RunCursor.decode(cursor);
        return runs.page(job, after == null ? null : after.at(), after == null ? null : after.id(), size + 1)
                .collectList()
                .map(rows -> {
                    boolean more = rows.size() > size;
                    List<JobRun> page = more ? rows.subList(0, size) : rows;
                    JobRun last = more ? page.get(page.size() - 1) : null;
                    return new AdminRequests.Page<>(page, last == null ? null : new RunCursor(last.startedAt(), last.id()).encode());
                });
    }

    @GetMapping("/{job}/runs/{id}")
    Mono<JobRun> get(@PathVariable String job, @PathVariable String id) {
        return runs.find(AdminRequests.uuid(id, "run"))
                .filter(run -> run.job().equals(job))
                .switchIfEmpty(Mono.error(() -> AdminRequests.notFound("There is no such run.")));
    }

    /** Starts a run now: 202 with the run, 409 when the job is running anywhere in the cluster. */
    @PostMapping("/{job}/runs")
    Mono<ResponseEntity<JobRun>> start(@PathVariable String job) {
        Job target = runner.job(job).filter(Job::startableWithoutParameters)
                .orElseThrow(() -> AdminRequests.notFound("There is no job '" + job + "' to start here; jobs are "
                        + String.join(", ", runner.jobNames()) + " (restore: POST /api/v1/admin/backups/{id}/restore)."));
        return runner.startNow(target, Map.of()).map(run -> ResponseEntity.status(HttpStatus.ACCEPTED).body(run));
    }
}
