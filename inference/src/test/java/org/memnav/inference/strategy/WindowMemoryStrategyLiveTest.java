package org.memnav.inference.strategy;

import org.junit.jupiter.api.Test;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.inference.memory.RecurrentSlotMemory;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The FIFO window retuned while the agent runs: a shorter memory and another rate's frames are reported as evictions. */
class WindowMemoryStrategyLiveTest {

    private static final Pose POSE = new Pose(Vec3.ORIGIN, 0);

    private static WindowMemoryStrategy filled(int capacity, int frames) {
        WindowMemoryStrategy w = new WindowMemoryStrategy(new MemoryStore(capacity), new AlwaysWrite(), true);
        for (int step = 0; step < frames; step++) {
            w.offer(new MemoryFrame(0, step, POSE, 16, 8, new float[128]), null);
        }
        w.drainEvents();
        return w;
    }

    @Test
    void shrinkingTheMemoryEvictsTheOldestFramesAndLaterWritesKeepTheNewLength() {
        WindowMemoryStrategy w = filled(10, 6);

        assertThat(w.resize(40, 2)).isTrue();
        List<MemoryEvent> events = w.drainEvents();
        assertThat(events).extracting(MemoryEvent::kind).containsOnly(MemoryEvent.Kind.EVICT).hasSize(4);
        assertThat(events).extracting(MemoryEvent::frameStep).containsExactly(0, 1, 2, 3);
        assertThat(events.get(0).detail()).isEqualTo("memory length changed to 2");
        assertThat(w.footprint().frames()).isEqualTo(2);
        assertThat(w.footprint().tokens()).isEqualTo(32);

        w.offer(new MemoryFrame(0, 41, POSE, 16, 8, new float[128]), null);
        assertThat(w.footprint().frames()).isEqualTo(2);
        assertThat(w.drainEvents()).extracting(MemoryEvent::kind).containsExactly(MemoryEvent.Kind.EVICT, MemoryEvent.Kind.WRITE);
    }

    @Test
    void growingKeepsEveryFrameAndTheRecurrentStateCannotBeResized() {
        WindowMemoryStrategy w = filled(3, 5);
        assertThat(w.resize(9, 8)).isTrue();
        assertThat(w.drainEvents()).isEmpty();
        for (int step = 10; step < 20; step++) {
            w.offer(new MemoryFrame(0, step, POSE, 16, 8, new float[128]), null);
        }
        assertThat(w.footprint().frames()).isEqualTo(8);

        WindowMemoryStrategy recurrent = new WindowMemoryStrategy(new RecurrentSlotMemory(4), new AlwaysWrite(), true);
        assertThat(recurrent.resize(1, 2)).isFalse();
    }

    @Test
    void evictingForARateChangeReportsEveryFrameWithTheReason() {
        WindowMemoryStrategy w = filled(10, 3);
        w.evictAll(12, "rate changed to 64x");
        List<MemoryEvent> events = w.drainEvents();
        assertThat(events).extracting(MemoryEvent::kind).containsOnly(MemoryEvent.Kind.EVICT).hasSize(3);
        assertThat(events).extracting(MemoryEvent::detail).containsOnly("rate changed to 64x");
        assertThat(w.footprint().frames()).isZero();
        assertThat(w.footprint().tokens()).isZero();
        assertThat(w.footprint().writes()).isEqualTo(3);
    }
}
