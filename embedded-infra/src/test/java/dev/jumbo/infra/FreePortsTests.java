package dev.jumbo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTests {

    @Test
    void shouldHandOutEveryPortOnceWhenAskedManyTimes() {
        List<Integer> ports = IntStream.range(0, 2_000).mapToObj(i -> FreePorts.next()).toList();

        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(1, 65_535));
    }
}
