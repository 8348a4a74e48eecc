package dev.jumbo.gateway.routing;

import dev.jumbo.platform.web.ProblemException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a failure to reach the service behind a route into a problem the chassis can write: {@code 503}
 * when the service cannot be connected to (down, not resolvable), {@code 502} when it broke the exchange
 * (closed the connection mid-response). Without this, those I/O errors surface as a bare {@code 500}.
 */
@Component
public class DownstreamFailureGlobalFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DownstreamFailureGlobalFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorMap(DownstreamFailureGlobalFilter::isIoFailure,
                failure -> toProblem(exchange, failure));
    }

    private static boolean isIoFailure(Throwable failure) {
        return ioFailureIn(failure) != null;
    }

    private static ProblemException toProblem(ServerWebExchange exchange, Throwable failure) {
        IOException cause = ioFailureIn(failure);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "unknown" : route.getId();
        log.warn("Service {} failed for {} {}: {}", service, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), cause.toString());
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "The service behind this path is not reachable right now. Try again shortly.");
        }
        return new ProblemException(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                "The service behind this path did not complete its answer.");
    }

    private static IOException ioFailureIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
