package dev.jumbo.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's IP address. {@code X-Forwarded-For} counts only when the connection comes from a trusted
 * proxy: then the client is the right-most address in the chain that is not itself a trusted proxy (the
 * left part of the header is whatever the client wrote, so it is never believed on its own).
 */
public class ClientAddressResolver {

    static final String UNKNOWN = "unknown";

    private final TrustedProxies trustedProxies;

    public ClientAddressResolver(List<String> trustedProxies) {
        this.trustedProxies = new TrustedProxies(trustedProxies);
    }

    public String resolve(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? UNKNOWN : remote.getAddress().getHostAddress();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> chain = forwardedChain(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (TrustedProxies.Range.literal(hop) == null) {
                // garbage in the header: stop believing it here
                return peer;
            }
            if (!trustedProxies.contains(hop)) {
                return TrustedProxies.Range.literal(hop).getHostAddress();
            }
            peer = hop;
        }
        return peer;
    }

    private static List<String> forwardedChain(ServerHttpRequest request) {
        List<String> chain = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.trim());
                }
            }
        }
        return chain;
    }
}
