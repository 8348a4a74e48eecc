package dev.jumbo.platform.security;

import dev.jumbo.platform.web.ProblemDetails;
import dev.jumbo.platform.web.ProblemExceptionHandler;
import dev.jumbo.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 for a missing or invalid token; 404 (never 403) when the caller lacks the role, so that resources
 * of others do not exist for them. Both as problem+json.
 */
public class ProblemAuthenticationHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemExceptionHandler problems;

    public ProblemAuthenticationHandlers(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return problems.handle(exchange, new ProblemException(ProblemDetails.of(HttpStatus.UNAUTHORIZED,
                "unauthorized", "Unauthorized", "A valid access token is required.")));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.handle(exchange, new ProblemException(ProblemDetails.of(HttpStatus.NOT_FOUND,
                "not-found", "Not Found", "No such resource.")));
    }
}
