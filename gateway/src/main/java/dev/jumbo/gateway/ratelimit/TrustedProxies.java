package dev.jumbo.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code ::1}) of trusted proxies. */
final class TrustedProxies {

    private final List<Range> ranges;

    TrustedProxies(List<String> ranges) {
        this.ranges = ranges.stream().map(Range::parse).toList();
    }

    boolean contains(String address) {
        InetAddress parsed = Range.literal(address);
        return parsed != null && ranges.stream().anyMatch(range -> range.contains(parsed));
    }

    /** One address or CIDR range. */
    record Range(byte[] network, int prefixLength) {

        static Range parse(String text) {
            String trimmed = text.trim();
            int slash = trimmed.indexOf('/');
            InetAddress address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Bad prefix length in " + text);
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - remainingBits)) & 0xFF;
            return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
        }

        /** The address of an IP literal; {@code null} for anything else (never a DNS lookup). */
        static InetAddress literal(String text) {
            String candidate = text.trim();
            if (candidate.startsWith("[") && candidate.endsWith("]")) {
                candidate = candidate.substring(1, candidate.length() - 1);
            }
            boolean ipv4 = candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = candidate.contains(":") && candidate.matches("[0-9A-Fa-f:.]+");
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                return InetAddress.getByName(candidate);
            }
            catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
