package dev.jumbo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemExceptionTests {

    @Test
    void shouldCarryNoStackTraceWhenProblemIsClientError() {
        ProblemException notFound = new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such memory.");
        notFound.addSuppressed(new IllegalStateException("checkpoint"));

        assertThat(notFound.getStackTrace()).isEmpty();
        assertThat(notFound.getSuppressed()).isEmpty();
        assertThat(notFound.problem().getStatus()).isEqualTo(404);
    }

    @Test
    void shouldKeepStackTraceWhenProblemIsServerError() {
        ProblemException unavailable = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "Unavailable", "Try again later.");

        assertThat(unavailable.getStackTrace()).isNotEmpty();
    }
}
