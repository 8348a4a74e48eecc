package dev.jumbo.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose bucket a request takes from: {@code user:<sub>} when it carries a valid access token (the gateway
 * has verified it by now), {@code ip:<client address>} otherwise.
 */
public class ClientKeyResolver implements KeyResolver {

    private final ClientAddressResolver addresses;

    public ClientKeyResolver(ClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(principal -> "user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + addresses.resolve(exchange.getRequest())));
    }
}
