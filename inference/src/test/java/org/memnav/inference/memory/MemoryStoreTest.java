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
        FrameMemory.WriteResult third = store.write(3, POSE, 4, 8, new float[32]);

        assertThat(third.evicted().step()).isEqualTo(1);
        assertThat(store.frames()).extracting(MemoryFrame::step).containsExactly(2, 3);
        assertThat(store.totalTokens()).isEqualTo(20);
        assertThat(store.totalBytes()).isEqualTo((128 + 32) * 4);
        assertThat(store.writes()).isEqualTo(3);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void accountsCompressedFramesPerRateAndForgetsTotalsOnClear() {
        MemoryStore store = new MemoryStore(3);
        int[] tokensPerRate = {256, 64, 16, 4};
        for (int i = 0; i < tokensPerRate.length; i++) {
            FrameMemory.WriteResult w = store.write(i, POSE, tokensPerRate[i], 64, new float[tokensPerRate[i] * 64]);
            assertThat(w.written().bytes()).isEqualTo(tokensPerRate[i] * 64L * 4);
        }
        // the 256-token frame was evicted; 64 + 16 + 4 tokens remain
        assertThat(store.totalTokens()).isEqualTo(84);
        assertThat(store.totalBytes()).isEqualTo(84L * 64 * 4);
        assertThat(store.frames()).extracting(MemoryFrame::id).containsExactly(2L, 3L, 4L);

        store.clear();
        assertThat(store.size()).isZero();
        assertThat(store.totalTokens()).isZero();
        assertThat(store.totalBytes()).isZero();
        assertThat(store.writes()).as("writes count the whole run").isEqualTo(4);
        assertThat(store.write(9, POSE, 4, 64, new float[256]).written().id()).as("ids stay unique after clear").isEqualTo(5);
    }

    @Test
    void rejectsInconsistentFramesAndEmptyCapacity() {
        assertThatThrownBy(() -> new MemoryStore(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new MemoryStore(3).write(1, POSE, 4, 8, new float[31])).hasMessageContaining("4x8");
    }
}
