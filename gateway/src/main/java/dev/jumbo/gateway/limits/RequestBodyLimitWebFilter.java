package dev.jumbo.gateway.limits;

import dev.jumbo.gateway.JumboGatewayProperties;
import dev.jumbo.platform.web.ProblemException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers {@code 413} for request bodies over {@code jumbo.gateway.max-request-body-size}. The gateway
 * streams bodies to the services without decoding them, so the codec limit
 * ({@code spring.codec.max-in-memory-size}) never applies here.
 * <ul>
 * <li>A declared {@code Content-Length} is checked before anything is read; the server then reads
 * exactly that many bytes, so such a body is streamed on untouched.</li>
 * <li>A body without one (chunked) is read up to the limit before it is forwarded, so a service never
 * receives half of a body the gateway then rejects. It is held in the gateway's own request-body cache,
 * which the gateway releases at the end of the exchange.</li>
 * </ul>
 */
@Component
public class RequestBodyLimitWebFilter implements WebFilter, Ordered {

    // after the request id and traceparent filters (a 413 carries both) and the path check
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    private final long maxBytes;

    public RequestBodyLimitWebFilter(JumboGatewayProperties properties) {
        this.maxBytes = properties.maxRequestBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declaredLength = exchange.getRequest().getHeaders().getContentLength();
        if (declaredLength > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declaredLength >= 0) {
            return chain.filter(exchange);
        }
        ServerWebExchange counted = exchange.mutate().request(new CountingRequest(exchange.getRequest())).build();
        return ServerWebExchangeUtils
                .cacheRequestBody(counted, cached -> chain.filter(counted.mutate().request(cached).build()))
                // the gateway releases the cached body after routing; this covers requests it never routes
                .doFinally(signal -> ServerWebExchangeUtils.clearCachedRequestBody(counted));
    }

    private ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body is larger than " + maxBytes + " bytes.");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Fails the body with a {@code 413} problem as soon as it grows past the limit. */
    private final class CountingRequest extends ServerHttpRequestDecorator {

        CountingRequest(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong received = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}
