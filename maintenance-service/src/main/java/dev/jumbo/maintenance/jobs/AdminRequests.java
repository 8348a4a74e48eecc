package dev.jumbo.maintenance.jobs;

import dev.jumbo.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Parameter checks shared by the admin endpoints (API.md conventions: limit 1..200, default 50). */
public final class AdminRequests {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private AdminRequests() {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound("There is no such " + what + ".");
        }
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }
}
