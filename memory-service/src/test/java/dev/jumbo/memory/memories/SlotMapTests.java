package dev.jumbo.memory.memories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlotMapTests {

    @Test
    void shouldLeaveEarlierMapUntouchedWhenNextOneIsWritten() {
        List<UUID> ids = IntStream.range(0, 2_000).mapToObj(i -> UUID.randomUUID()).toList();
        SlotMap.Builder first = SlotMap.EMPTY.toBuilder();
        for (int i = 0; i < ids.size(); i++) {
            first.put(ids.get(i), i);
        }
        SlotMap before = first.build();

        SlotMap.Builder next = before.toBuilder();
        next.put(ids.get(0), 99_999);
        next.remove(ids.get(1));
        UUID added = UUID.randomUUID();
        next.put(added, 5_000);
        SlotMap after = next.build();

        assertThat(before.size()).isEqualTo(2_000);
        assertThat(before.get(ids.get(0))).isZero();
        assertThat(before.get(ids.get(1))).isEqualTo(1);
        assertThat(before.containsKey(added)).isFalse();
        assertThat(after.size()).isEqualTo(2_000);
        assertThat(after.get(ids.get(0))).isEqualTo(99_999);
        assertThat(after.get(ids.get(1))).isNull();
        assertThat(after.get(added)).isEqualTo(5_000);
        assertThat(IntStream.range(2, 2_000)).allSatisfy(i -> assertThat(after.get(ids.get(i))).isEqualTo(i));
    }

    @Test
    void shouldKeepSizeWhenAbsentIdIsRemovedOrIdIsPutAgain() {
        UUID id = UUID.randomUUID();
        SlotMap.Builder builder = SlotMap.EMPTY.toBuilder();
        builder.put(id, 1);
        builder.put(id, 2);
        builder.remove(UUID.randomUUID());

        SlotMap map = builder.build();

        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get(id)).isEqualTo(2);
        assertThat(SlotMap.EMPTY.isEmpty()).isTrue();
    }
}
