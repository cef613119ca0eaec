package org.memnav.inference.strategy;

import org.junit.jupiter.api.Test;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.MemoryStore;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritePoliciesTest {

    @Test
    void alwaysWriteTakesEveryScheduledFrameOnly() {
        AlwaysWrite always = new AlwaysWrite();
        assertThat(always.considers(new WriteCue(7, true, false))).isTrue();
        assertThat(always.considers(new WriteCue(8, false, false))).isFalse();
        assertThat(always.considers(new WriteCue(9, false, true))).isTrue();
    }

    @Test
    void periodicWritesOnceEveryKStepsFromTheFirst() {
        PeriodicWrite periodic = new PeriodicWrite(4);
        List<Integer> written = IntStream.rangeClosed(1, 12).filter(s -> periodic.considers(new WriteCue(s, true, false))).boxed().toList();
        assertThat(written).containsExactly(1, 5, 9);
        assertThat(periodic.considers(new WriteCue(2, false, true))).as("forced when a decision finds memory empty").isTrue();
        assertThatThrownBy(() -> new PeriodicWrite(0)).hasMessageContaining("at least 1 step");
    }

    @Test
    void randomWritesSpendTheBudgetAndRepeatWithTheSeed() {
        RandomWrite a = new RandomWrite(0.125, 8);
        RandomWrite b = new RandomWrite(0.125, 8);
        int steps = 8000;
        List<Boolean> first = IntStream.rangeClosed(1, steps).mapToObj(s -> a.considers(new WriteCue(s, s % 4 == 0, false))).toList();
        List<Boolean> second = IntStream.rangeClosed(1, steps).mapToObj(s -> b.considers(new WriteCue(s, false, false))).toList();
        assertThat(first).as("draws do not depend on the schedule").isEqualTo(second);
        long writes = first.stream().filter(x -> x).count();
        assertThat(writes).isBetween(900L, 1100L); // 1000 expected
        assertThatThrownBy(() -> new RandomWrite(0, 1)).hasMessageContaining("(0, 1]");
    }

    @Test
    void gateWritesOnlyFramesThatChangeTheDecision() {
        ActionSurpriseGate gate = new ActionSurpriseGate(ActionSurpriseGate.DEFAULT_THRESHOLD);
        WindowMemoryStrategy memory = new WindowMemoryStrategy(new MemoryStore(10), gate, true);
        ScriptedProbe probe = new ScriptedProbe(2.0, 1.0); // two frontiers; the better scores 2
        assertThat(memory.offer(ScriptedProbe.frame(1, 0, 0, 0, 0), probe)).as("empty memory: always written").isTrue();
        // Plain views score far below the frontier: adding one changes neither the choice nor the distribution.
        assertThat(memory.offer(ScriptedProbe.frame(2, 3, 0, 0, -5), probe)).isFalse();
        assertThat(memory.offer(ScriptedProbe.frame(3, 6, 0, 0, -6), probe)).isFalse();
        // A view that shows the goal (scores above every frontier) changes the decision.
        assertThat(memory.offer(ScriptedProbe.frame(4, 9, 0, 0, 6), probe)).isTrue();
        List<MemoryEvent> events = memory.drainEvents();
        assertThat(events).extracting(MemoryEvent::kind).containsExactly(MemoryEvent.Kind.WRITE, MemoryEvent.Kind.SKIP,
                MemoryEvent.Kind.SKIP, MemoryEvent.Kind.WRITE);
        assertThat(events.get(3).detail()).contains("decision changes");
        assertThat(events.get(1).detail()).contains("no surprise");
        assertThat(memory.footprint().writes()).isEqualTo(2);
        assertThat(memory.footprint().frames()).isEqualTo(2);
        assertThat(memory.footprint().bytes()).isEqualTo(2 * 4 * Float.BYTES);
        assertThat(probe.calls).as("with and without the frame, for each of the three judged frames").isEqualTo(6);
    }

    @Test
    void gateWritesWhenTheDistributionMovesBeyondTheThreshold() {
        // Memory's frame and a frontier tie (1/2 each); a third equal candidate makes it 1/3 each: tv 1/3.
        ScriptedProbe probe = new ScriptedProbe(1.0);
        List<MemoryFrame> memory = List.of(new MemoryFrame(1, 1, ScriptedProbe.frame(1, 0, 0, 0, 1).pose(), 2, 2, new float[] {1, 0, 0, 0}));
        WriteVerdict loose = new ActionSurpriseGate(0.1).judge(ScriptedProbe.frame(2, 5, 0, 0, 1), memory, 10, probe);
        WriteVerdict strict = new ActionSurpriseGate(0.5).judge(ScriptedProbe.frame(2, 5, 0, 0, 1), memory, 10, probe);
        assertThat(loose.write()).isTrue();
        assertThat(loose.reason()).contains("tv 0.333");
        assertThat(strict.write()).isFalse();
    }
}
