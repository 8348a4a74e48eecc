package dev.jumbo.platform.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The span of a request's server observation, read from the exchange: filters and error handlers run
 * outside the Reactor context where the current span would otherwise be looked up.
 */
final class ExchangeSpans {

    private ExchangeSpans() {
    }

    static Optional<Span> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> (TracingObservationHandler.TracingContext) context
                        .get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan);
    }
}
