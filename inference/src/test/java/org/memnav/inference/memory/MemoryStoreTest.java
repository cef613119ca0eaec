package org.memnav.inference.memory;

import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryStoreTest {

    private static final Pose POSE = new Pose(Vec3.ORIGIN, 0);

    @Test
    void keepsTheNewestFramesAndAccountsTokensAndBytes() {
        MemoryStore store = new MemoryStore(2);
        store.write(1, POSE, 4, 8, new float[32]);
        store.write(2, POSE, 16, 8, new float[128]);
        MemoryStore.WriteResult third = store.write(3, POSE, 4, 8, new float[32]);

        assertThat(third.evicted().step()).isEqualTo(1);
        assertThat(store.frames()).extracting(MemoryFrame::step).containsExactly(2, 3);
        assertThat(store.totalTokens()).isEqualTo(20);
        assertThat(store.totalBytes()).isEqualTo((128 + 32) * 4);
        assertThat(store.writes()).isEqualTo(3);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void rejectsInconsistentFramesAndEmptyCapacity() {
        assertThatThrownBy(() -> new MemoryStore(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new MemoryStore(3).write(1, POSE, 4, 8, new float[31])).hasMessageContaining("4x8");
    }
}
