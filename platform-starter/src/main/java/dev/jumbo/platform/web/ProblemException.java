package dev.jumbo.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Thrown by services for an expected failure that the client should see as the given problem. A client error
 * (4xx) carries no stack trace: it says nothing the problem does not, and capturing it, then rendering it into the
 * request's spans (every observation the error passes through records it), cost more CPU than the rest of a 404.
 */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ProblemException(ProblemDetail problem) {
        this(problem, problem.getStatus() >= 500);
    }

    private ProblemException(ProblemDetail problem, boolean withStackTrace) {
        super(problem.getDetail(), null, withStackTrace, withStackTrace);
        this.problem = problem;
    }

    public ProblemException(HttpStatusCode status, String slug, String title, String detail) {
        this(ProblemDetails.of(status, slug, title, detail));
    }

    public ProblemDetail problem() {
        return problem;
    }
}
