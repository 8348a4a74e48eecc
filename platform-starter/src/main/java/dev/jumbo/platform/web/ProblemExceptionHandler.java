package dev.jumbo.platform.web;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every failure of a request into an {@code application/problem+json} answer with {@code traceId}
 * and, for validation failures, {@code errors[]}. Never a stack trace, never an HTML page.
 */
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final List<HttpMessageWriter<?>> writers;

    public ProblemExceptionHandler(ServerCodecConfigurer codecs) {
        this.writers = codecs.getWriters();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ProblemDetail problem = toProblem(failure);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ExchangeSpans.of(exchange).ifPresent(span -> problem.setProperty("traceId", span.context().traceId()));
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof ErrorResponse errorResponse) {
            headers.putAll(errorResponse.getHeaders());
        }
        if (failure instanceof HeaderCarrying carrier) {
            headers.putAll(carrier.headers());
        }
        return ServerResponse.status(problem.getStatus())
                .headers(h -> h.putAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(serverResponse -> serverResponse.writeTo(exchange, new ResponseContext(writers)));
    }

    ProblemDetail toProblem(Throwable failure) {
        if (failure instanceof ProblemException problemException) {
            return problemException.problem();
        }
        if (failure instanceof WebExchangeBindException bind) {
            return ProblemDetails.validation(fieldErrors(bind.getBindingResult()));
        }
        if (failure instanceof HandlerMethodValidationException validation) {
            return ProblemDetails.validation(validation.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream()
                            .map(error -> new ProblemDetails.FieldError(
                                    result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                    .toList());
        }
        if (isPayloadTooLarge(failure)) {
            return ProblemDetails.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is larger than this API accepts.");
        }
        if (failure instanceof ServerWebInputException input) {
            return ProblemDetails.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    input.getCause() instanceof DecodingException
                            ? "The request body is not valid JSON of the expected shape." : input.getReason());
        }
        if (failure instanceof ErrorResponse errorResponse) {
            HttpStatusCode status = errorResponse.getStatusCode();
            if (status.is5xxServerError()) {
                log.error("Request failed", failure);
            }
            return ProblemDetails.of(status, slug(status), title(status), detailFor(status, errorResponse));
        }
        log.error("Unexpected failure", failure);
        return ProblemDetails.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. The trace id identifies it.");
    }

    private static boolean isPayloadTooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException || t instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static List<ProblemDetails.FieldError> fieldErrors(BindingResult result) {
        return result.getFieldErrors().stream()
                .map(error -> new ProblemDetails.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
    }

    private static String detailFor(HttpStatusCode status, ErrorResponse errorResponse) {
        if (status.value() == 404) {
            return "No such resource.";
        }
        if (status.is5xxServerError()) {
            return "Something went wrong on our side. The trace id identifies it.";
        }
        String detail = errorResponse.getBody().getDetail();
        return detail == null ? title(status) : detail;
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }

    private static String slug(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    /** A failure that carries response headers, such as {@code Retry-After}. */
    public interface HeaderCarrying {

        HttpHeaders headers();
    }

    private record ResponseContext(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

        @Override
        public List<org.springframework.web.reactive.result.view.ViewResolver> viewResolvers() {
            return List.of();
        }
    }
}
