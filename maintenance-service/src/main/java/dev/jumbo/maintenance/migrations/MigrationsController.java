package dev.jumbo.maintenance.migrations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/v1/admin/migrations} (admin only; the chassis answers 404 otherwise). */
@RestController
class MigrationsController {

    private final MigrationReport report;

    MigrationsController(MigrationReport report) {
        this.report = report;
    }

    @GetMapping("/api/v1/admin/migrations")
    Mono<MigrationReport.Report> migrations() {
        return Mono.fromCallable(report::report).subscribeOn(Schedulers.boundedElastic());
    }
}
