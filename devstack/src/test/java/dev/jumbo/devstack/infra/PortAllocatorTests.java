package dev.jumbo.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PortAllocatorTests {

    private final AtomicInteger nextFree = new AtomicInteger(40_000);

    private PortAllocator allocatorWithBusyPorts(Integer... busy) {
        Set<Integer> busyPorts = Set.of(busy);
        return new PortAllocator(port -> !busyPorts.contains(port), nextFree::incrementAndGet);
    }

    @Test
    void shouldKeepPreferredPortWhenItIsFree() {
        assertThat(allocatorWithBusyPorts().allocate("PostgreSQL", 5432)).isEqualTo(5432);
    }

    @Test
    void shouldFallBackToFreePortWhenPreferredIsBusy() {
        assertThat(allocatorWithBusyPorts(5432).allocate("PostgreSQL", 5432)).isEqualTo(40_001);
    }

    @Test
    void shouldPickAnyFreePortWhenPreferredIsZero() {
        assertThat(allocatorWithBusyPorts().allocate("Kafka", 0)).isEqualTo(40_001);
    }

    @Test
    void shouldNeverGiveSamePortTwiceWhenTwoServersPreferIt() {
        PortAllocator allocator = allocatorWithBusyPorts();

        int first = allocator.allocate("auth-service", 8081);
        int second = allocator.allocate("chat-service", 8081);

        assertThat(first).isEqualTo(8081);
        assertThat(second).isNotEqualTo(8081);
    }

    @Test
    void shouldTreatPortAsBusyWhenSomethingListensOnIt() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = listener.getLocalPort();

            assertThat(PortAllocator.acceptsConnections(taken)).isTrue();
            assertThat(new PortAllocator().allocate("PostgreSQL", taken)).isNotEqualTo(taken);
        }
    }

    @Test
    void shouldNotGiveReservedPortWhenAnotherServerPrefersIt() {
        PortAllocator allocator = allocatorWithBusyPorts();
        allocator.reserve(8082);

        assertThat(allocator.allocate("memory-service", 8082)).isNotEqualTo(8082);
    }
}
