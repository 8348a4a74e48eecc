package dev.jumbo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressResolverTests {

    private final ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8", "192.168.1.7", "::1"));

    @Test
    void shouldIgnoreForwardedForWhenPeerIsNotTrusted() {
        assertThat(resolver.resolve(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void shouldTakeLastUntrustedAddressWhenPeerIsTrustedProxy() {
        // the client wrote "1.1.1.1" itself; the ingress appended the address it saw
        assertThat(resolver.resolve(request("10.1.2.3", "1.1.1.1, 198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void shouldSkipEveryTrustedProxyWhenChainHasSeveral() {
        assertThat(resolver.resolve(request("10.1.2.3", "198.51.100.1, 192.168.1.7, 10.9.9.9"))).isEqualTo("198.51.100.1");
    }

    @Test
    void shouldUsePeerWhenTrustedProxySendsNoForwardedFor() {
        assertThat(resolver.resolve(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void shouldStopAtGarbageWhenForwardedForIsNotAnAddress() {
        assertThat(resolver.resolve(request("10.1.2.3", "198.51.100.1, evil.example.com"))).isEqualTo("10.1.2.3");
    }

    @Test
    void shouldHonourIpv6ProxyWhenTrusted() {
        assertThat(resolver.resolve(request("::1", "2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/8, 10.255.1.1, true", "10.0.0.0/8, 11.0.0.1, false", "192.168.0.0/23, 192.168.1.200, true",
            "192.168.0.0/23, 192.168.2.1, false", "127.0.0.1, 127.0.0.1, true", "127.0.0.1, ::1, false",
            "2001:db8::/32, 2001:db8:1::1, true", "0.0.0.0/0, 8.8.8.8, true"})
    void shouldMatchAddressWhenInsideRange(String range, String address, boolean expected) {
        assertThat(new TrustedProxies(List.of(range)).contains(address)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseRangeWhenItIsNotAnAddress() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockServerHttpRequest request(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/v1/auth/login")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }
}
