package org.memnav.inference.strategy;

import org.junit.jupiter.api.Test;
import org.memnav.inference.memory.FrameMemory;
import org.memnav.inference.memory.RecurrentSlotMemory;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrentSlotMemoryTest {

    private static Pose at(double x) {
        return new Pose(new Vec3(x, 0, 0), 0);
    }

    @Test
    void byteSizeIsFixedWhateverTheHorizon() {
        RecurrentSlotMemory state = new RecurrentSlotMemory(4);
        state.write(0, at(0), 16, 64, new float[16 * 64]);
        long bytes = state.totalBytes();
        assertThat(bytes).isEqualTo(4L * 16 * 64 * Float.BYTES);
        for (int i = 1; i <= 500; i++) {
            state.write(i, at(i * 3.0), 16, 64, new float[16 * 64]);
            assertThat(state.totalBytes()).isEqualTo(bytes);
        }
        assertThat(state.writes()).isEqualTo(501);
        assertThat(state.size()).isEqualTo(4);
    }

    @Test
    void aNearbyViewIsBlendedIntoItsSlotAndAFarOneReplacesTheStalest() {
        RecurrentSlotMemory state = new RecurrentSlotMemory(2);
        state.write(1, at(0), 1, 2, new float[] {2, 2});
        state.write(2, at(10), 1, 2, new float[] {0, 0});
        FrameMemory.WriteResult merged = state.write(3, at(0.5), 1, 2, new float[] {4, 0});
        assertThat(merged.merged()).isTrue();
        assertThat(merged.written().data()).containsExactly(3f, 1f);
        assertThat(merged.written().pose()).isEqualTo(at(0.5));
        // Slot at x=10 was updated at write 2, the other at write 3: a far view replaces the x=10 slot.
        FrameMemory.WriteResult replaced = state.write(4, at(20), 1, 2, new float[] {9, 9});
        assertThat(replaced.merged()).isFalse();
        assertThat(replaced.evicted().pose()).isEqualTo(at(10));
        assertThat(state.frames()).extracting(f -> f.pose().position().x()).containsExactlyInAnyOrder(0.5, 20.0);
    }

    @Test
    void theRecurrentArmLogsMergesAsSuchNotAsEvictions() {
        WindowMemoryStrategy s = new WindowMemoryStrategy(new RecurrentSlotMemory(2), new AlwaysWrite(), true);
        ScriptedProbe probe = new ScriptedProbe(0.0);
        s.offer(ScriptedProbe.frame(1, 0, 0, 0, 1), probe);
        s.offer(ScriptedProbe.frame(2, 0.2, 0, 0, 1), probe);
        assertThat(s.drainEvents()).extracting(MemoryEvent::kind).containsExactly(MemoryEvent.Kind.WRITE, MemoryEvent.Kind.MERGE,
                MemoryEvent.Kind.WRITE);
        assertThat(s.footprint().bytes()).isEqualTo(2L * 4 * Float.BYTES);
    }
}
