package dev.jumbo.maintenance.backup;

import dev.jumbo.maintenance.jobs.AdminRequests;
import dev.jumbo.maintenance.jobs.JobRun;
import dev.jumbo.maintenance.jobs.JobRunner;
import dev.jumbo.maintenance.jobs.RunCursor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The backup catalogue and restores (API.md, "Administration"); admin only (the chassis answers 404 otherwise). */
@RestController
@RequestMapping("/api/v1/admin/backups")
class BackupsController {

    private final BackupCatalogue catalogue;
    private final JobRunner runner;
    private final RestoreJob restore;

    BackupsController(BackupCatalogue catalogue, JobRunner runner, RestoreJob restore) {
        this.catalogue = catalogue;
        this.runner = runner;
        this.restore = restore;
    }

    @GetMapping
    Mono<AdminRequests.Page<Backup>> list(@RequestParam(required = false) String limit,
                                          @RequestParam(required = false) String cursor) {
        int size = AdminRequests.limit(limit);
        RunCursor after = RunCursor.decode(cursor);
        return catalogue.page(after == null ? null : after.at(), after == null ? null : after.id(), size + 1)
                .collectList()
                .map(rows -> {
                    boolean more = rows.size() > size;
                    List<Backup> page = more ? rows.subList(0, size) : rows;
                    Backup last = more ? page.get(page.size() - 1) : null;
                    return new AdminRequests.Page<>(page, last == null ? null : new RunCursor(last.createdAt(), last.id()).encode());
                });
    }

    @GetMapping("/{id}")
    Mono<Backup> get(@PathVariable String id) {
        return catalogue.find(AdminRequests.uuid(id, "backup"))
                .switchIfEmpty(Mono.error(() -> AdminRequests.notFound("There is no such backup.")));
    }

    /** 202 with the restore run; 404 for an unknown backup; 409 while a restore runs anywhere in the cluster. */
    @PostMapping("/{id}/restore")
    Mono<ResponseEntity<JobRun>> restore(@PathVariable String id) {
        UUID backupId = AdminRequests.uuid(id, "backup");
        return catalogue.find(backupId)
                .switchIfEmpty(Mono.error(() -> AdminRequests.notFound("There is no such backup.")))
                .flatMap(backup -> runner.startNow(restore, Map.of(RestoreJob.BACKUP_ID, backupId.toString())))
                .map(run -> ResponseEntity.status(HttpStatus.ACCEPTED).body(run));
    }
}
