package dev.jumbo.memory.memories;

import dev.jumbo.memory.extraction.Relations;
import dev.jumbo.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public memory API (API.md, "Memories and moods"). */
@RestController
@RequestMapping("/api/v1/memories")
class MemoryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final MemoryService memories;

    MemoryController(MemoryService memories) {
        this.memories = memories;
    }

    record MemoryPatch(@Size(min = 1, max = 1000) String text, Boolean archived) {
    }

    @GetMapping
    Mono<MemoryService.Page> list(Principal principal, @RequestParam(required = false) String query,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String includeArchived,
                                  @RequestParam(required = false) String limit,
                                  @RequestParam(required = false) String cursor) {
        String q = query == null || query.isBlank() ? null : query.strip();
        if (q != null && q.length() > 500) {
            throw invalid("'query' may be at most 500 characters.");
        }
        if (category != null && !Relations.CATEGORIES.contains(category)) {
            throw invalid("'category' must be one of " + String.join(", ", Relations.CATEGORIES.stream().sorted().toList()) + ".");
        }
        boolean archived = bool("includeArchived", includeArchived);
        int size = limit(limit);
        return memories.list(principal.getName(),
                new MemoryService.ListQuery(q, category, archived, size, cursor == null || cursor.isBlank() ? null : cursor));
    }

    @GetMapping("/{id}")
    Mono<MemoryView> get(Principal principal, @PathVariable String id) {
        return memories.get(principal.getName(), uuid(id));
    }

    @PatchMapping("/{id}")
    Mono<MemoryView> patch(Principal principal, @PathVariable String id, @Valid @RequestBody MemoryPatch patch) {
        if (patch.text() == null && patch.archived() == null) {
            throw invalid("Send 'text' and/or 'archived'.");
        }
        if (patch.text() != null && patch.text().isBlank()) {
            throw invalid("'text' must not be blank.");
        }
        return memories.patch(principal.getName(), uuid(id), patch.text(), patch.archived());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Principal principal, @PathVariable String id) {
        return memories.delete(principal.getName(), uuid(id));
    }

    /** An id that is not a UUID names nobody's memory. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw MemoryService.notFound();
        }
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid("'" + name + "' must be true or false.");
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    }
}
