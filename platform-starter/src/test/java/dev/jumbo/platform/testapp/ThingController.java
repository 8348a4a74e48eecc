package dev.jumbo.platform.testapp;

import dev.jumbo.platform.outbox.OutboxEvent;
import dev.jumbo.platform.outbox.OutboxWriter;
import dev.jumbo.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ThingController {

    static final String TOPIC = "test.things.v1";

    private final DatabaseClient database;
    private final OutboxWriter outbox;
    private final TransactionalOperator transactions;

    ThingController(DatabaseClient database, OutboxWriter outbox, TransactionalOperator transactions) {
        this.database = database;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    record NewThing(@NotBlank String userId, @NotBlank @Size(max = 20) String name) {
    }

    record ThingCreated(String thingId, String userId, String name) {
    }

    @PostMapping("/public/things")
    Mono<Map<String, String>> create(@Valid @RequestBody NewThing thing, @RequestParam(defaultValue = "false") boolean fail) {
        UUID id = UUID.randomUUID();
        Mono<Map<String, String>> work = database.sql("INSERT INTO things (id, user_id, name) VALUES (:id, :user, :name)")
                .bind("id", id).bind("user", thing.userId()).bind("name", thing.name())
                .then()
                .then(outbox.append(new OutboxEvent(TOPIC, "dev.jumbo.test.thing-created.v1", thing.userId(),
                        new ThingCreated(id.toString(), thing.userId(), thing.name()))))
                .flatMap(eventId -> fail
                        ? Mono.error(new IllegalStateException("failing after the outbox write, on purpose"))
                        : Mono.just(Map.of("id", id.toString(), "eventId", eventId.toString())));
        return transactions.transactional(work);
    }

    @GetMapping("/public/things/{id}")
    Mono<Map<String, String>> get(@PathVariable UUID id) {
        return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No thing " + id));
    }

    @GetMapping("/api/v1/me")
    Mono<Map<String, String>> me(Principal principal) {
        return Mono.just(Map.of("userId", principal.getName()));
    }

    @GetMapping("/api/v1/admin/ping")
    Mono<Map<String, String>> adminPing() {
        return Mono.just(Map.of("pong", "admin"));
    }
}
