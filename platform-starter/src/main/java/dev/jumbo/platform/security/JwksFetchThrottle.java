package dev.jumbo.platform.security;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Spaces the JWKS fetches a decoder makes when tokens name unknown key ids: at most one request to the JWKS
 * endpoint per interval, shared by every token waiting for it. A flood of tokens with made-up {@code kid}s then
 * costs auth-service one request per interval and replica instead of one per token, while a token of a freshly
 * rotated key waits at most one interval for a fetch that started after it arrived.
 */
final class JwksFetchThrottle implements ExchangeFilterFunction {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private Fetch last;

    JwksFetchThrottle(Duration interval) {
        this(interval, System::nanoTime);
    }

    JwksFetchThrottle(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    private record Fetch(long startedAt, Mono<Fetched> result) {
    }

    private record Fetched(HttpStatusCode status, HttpHeaders headers, String body) {

        ClientResponse toResponse() {
            return ClientResponse.create(status).headers(h -> h.addAll(headers)).body(body).build();
        }
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> fetchStartedSince(nanoTime.getAsLong(), request, next)).map(Fetched::toResponse);
    }

    private Mono<Fetched> fetchStartedSince(long arrivedAt, ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                if (last != null && last.startedAt() - arrivedAt >= 0) {
                    return last.result();
                }
                wait = last == null ? 0 : intervalNanos - (now - last.startedAt());
                if (wait <= 0) {
                    last = new Fetch(now, next.exchange(request).flatMap(JwksFetchThrottle::read).cache());
                    return last.result();
                }
            }
            return Mono.delay(Duration.ofNanos(wait)).then(fetchStartedSince(arrivedAt, request, next));
        });
    }

    private static Mono<Fetched> read(ClientResponse response) {
        return response.bodyToMono(String.class).defaultIfEmpty("")
                .map(body -> new Fetched(response.statusCode(), response.headers().asHttpHeaders(), body));
    }
}
