package dev.jumbo.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Thrown by services for an expected failure that the client should see as the given problem. */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ProblemException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public ProblemException(HttpStatusCode status, String slug, String title, String detail) {
        this(ProblemDetails.of(status, slug, title, detail));
    }

    public ProblemDetail problem() {
        return problem;
    }
}
