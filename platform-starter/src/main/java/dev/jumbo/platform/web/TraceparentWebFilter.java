package dev.jumbo.platform.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Puts the W3C {@code traceparent} of the request's trace on every response. */
public class TraceparentWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "traceparent";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ExchangeSpans.of(exchange).map(Span::context)
                .ifPresent(context -> exchange.getResponse().getHeaders().set(HEADER, format(context)));
        return chain.filter(exchange);
    }

    public static String format(TraceContext context) {
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
