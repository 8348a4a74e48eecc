package dev.jumbo.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents every Jumbo service answers with. */
public final class ProblemDetails {

    public static final String TYPE_BASE = "https://jumbo.dev/problems/";

    private ProblemDetails() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "validation", "Invalid request",
                "The request has " + errors.size() + (errors.size() == 1 ? " invalid field." : " invalid fields."));
        problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
        return problem;
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {

        Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }
    }
}
