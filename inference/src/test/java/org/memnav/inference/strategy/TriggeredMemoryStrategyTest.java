package org.memnav.inference.strategy;

import org.junit.jupiter.api.Test;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TriggeredMemoryStrategyTest {

    private static final Pose HERE = new Pose(new Vec3(0, 0, 0), 0);

    /** A frame whose second token is {@code token} (the weaver's goal match), first value {@code score} (the policy's). */
    private static MemoryFrame frame(int step, float score, float tx, float ty) {
        return new MemoryFrame(0, step, new Pose(new Vec3(step, 0, 0), 0), 2, 2, new float[] {score, 0, tx, ty});
    }

    @Test
    void triggerFiresOncePerSubtaskAndAfterEnoughNewWrites() {
        RecallTrigger trigger = new RecallTrigger(3);
        assertThat(trigger.fires(0, 10, 0, false)).as("nothing beyond short-term").isFalse();
        assertThat(trigger.fires(0, 10, 5, true)).as("short-term already finds the goal").isFalse();
        assertThat(trigger.fires(0, 10, 5, false)).isTrue();
        assertThat(trigger.fires(0, 12, 5, false)).isFalse();
        assertThat(trigger.fires(0, 13, 5, false)).isTrue();
        assertThat(trigger.fires(1, 13, 5, false)).as("a new goal").isTrue();
    }

    @Test
    void weaverKeepsTheFramesWhoseTokensMatchTheGoalInTimeOrder() {
        GoalWeaver weaver = new GoalWeaver(2);
        float[] goal = {0, 1};
        List<GoalWeaver.Scored> woven = weaver.weave(List.of(frame(1, 0, 1, 0), frame(2, 0, 0, 1), frame(3, 0, -1, 0),
                frame(4, 0, 1, 1)), goal);
        assertThat(woven).extracting(s -> s.frame().step()).containsExactly(2, 4);
        assertThat(woven.get(0).match()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void decisionsReadTheShortWindowUnlessTheTriggerFiresThenTheWovenFramesToo() {
        TriggeredMemoryStrategy s = new TriggeredMemoryStrategy(10, 2, new RecallTrigger(3), new GoalWeaver(1));
        ScriptedProbe probe = new ScriptedProbe(new float[] {0, 1}, 1.0);
        s.startSubtask(0, 0, "chair", HERE);
        for (int i = 1; i <= 5; i++) {
            s.offer(frame(i, 0, i == 2 ? 0 : 1, i == 2 ? 1 : 0), probe);
        }
        s.drainEvents();
        List<MemoryFrame> first = s.recall(6, HERE, probe);
        assertThat(first).extracting(MemoryFrame::step).containsExactly(2, 4, 5);
        List<MemoryFrame> second = s.recall(7, HERE, probe);
        assertThat(second).extracting(MemoryFrame::step).as("consulted already, nothing new").containsExactly(4, 5);
        assertThat(s.fires()).isEqualTo(1);
        assertThat(s.decisions()).isEqualTo(2);
        List<MemoryEvent> events = s.drainEvents();
        assertThat(events).extracting(MemoryEvent::kind).containsExactly(MemoryEvent.Kind.TRIGGER, MemoryEvent.Kind.WEAVE);
        assertThat(events.get(1).detail()).startsWith("3 frames -> 1: #2");
    }
}
