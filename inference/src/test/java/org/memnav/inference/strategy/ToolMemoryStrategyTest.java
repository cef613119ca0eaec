package org.memnav.inference.strategy;

import org.junit.jupiter.api.Test;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ToolMemoryStrategyTest {

    private static final Pose HERE = new Pose(new Vec3(0, 0, 0), 0);

    @Test
    void retrieveReadsTheWindowAndEveryLandmark() {
        ToolMemoryStrategy tools = new ToolMemoryStrategy(2, 4);
        ScriptedProbe probe = new ScriptedProbe(1.0);
        tools.startSubtask(0, 0, "chair", HERE);
        tools.offer(ScriptedProbe.frame(1, 0, 0, 0, 5), probe);
        tools.offer(ScriptedProbe.frame(2, 5, 0, 0, 0), probe);
        List<MemoryFrame> read = tools.recall(3, HERE, probe);
        PolicyScores scores = probe.score(read);
        tools.decided(3, HERE, read, scores, scores.best(), new Vec3(1, 0, 0));
        assertThat(tools.landmarkGoals()).containsExactly("chair");
        // Two far-apart views fill the window again: the landmark's frame leaves the window but stays retrievable.
        tools.offer(ScriptedProbe.frame(4, 10, 0, 0, 0), probe);
        tools.offer(ScriptedProbe.frame(5, 15, 0, 0, 0), probe);
        assertThat(tools.shortTermFrames()).extracting(MemoryFrame::step).doesNotContain(1);
        List<MemoryFrame> later = tools.recall(6, HERE, probe);
        assertThat(later).extracting(MemoryFrame::step).contains(1);
        List<MemoryEvent> events = tools.drainEvents();
        assertThat(events).extracting(MemoryEvent::kind).containsExactly(
                MemoryEvent.Kind.WRITE, MemoryEvent.Kind.WRITE, MemoryEvent.Kind.RETRIEVE, MemoryEvent.Kind.ADD,
                MemoryEvent.Kind.WRITE, MemoryEvent.Kind.FILTER, MemoryEvent.Kind.WRITE, MemoryEvent.Kind.FILTER,
                MemoryEvent.Kind.RETRIEVE);
        assertThat(events.get(2).detail()).isEqualTo("2 short-term frames + 0 landmarks");
        assertThat(events.get(8).detail()).isEqualTo("2 short-term frames + 1 landmarks");
        assertThat(tools.footprint().frames()).as("window 2 + the landmark's frame").isEqualTo(3);
        assertThat(tools.footprint().writes()).isEqualTo(4);
    }

    @Test
    void filterDropsTheLowestScoredFrameAndSummaryFoldsNearDuplicates() {
        ToolMemoryStrategy tools = new ToolMemoryStrategy(3, 4);
        ScriptedProbe probe = new ScriptedProbe(9.0);
        tools.startSubtask(0, 0, "sofa", HERE);
        tools.offer(ScriptedProbe.frame(1, 0, 0, 0, 2), probe);
        tools.offer(ScriptedProbe.frame(2, 5, 0, 0, -3), probe);
        tools.offer(ScriptedProbe.frame(3, 10, 0, 0, 1), probe);
        List<MemoryFrame> read = tools.recall(4, HERE, probe);
        PolicyScores scores = probe.score(read);
        tools.decided(4, HERE, read, scores, scores.best(), new Vec3(3, 0, 0)); // a frontier wins: no landmark
        tools.offer(ScriptedProbe.frame(5, 20, 0, 0, 0), probe);
        assertThat(tools.shortTermFrames()).extracting(MemoryFrame::step).containsExactly(1, 3, 5);
        tools.offer(ScriptedProbe.frame(6, 20.5, 0, 0, 4), probe); // next to the step-5 view, same heading
        assertThat(tools.shortTermFrames()).extracting(MemoryFrame::step).containsExactly(1, 3, 6);
        MemoryFrame summary = tools.shortTermFrames().get(2);
        assertThat(summary.data()[0]).isEqualTo(2f); // mean of 0 and 4
        List<MemoryEvent> events = tools.drainEvents();
        assertThat(events).extracting(MemoryEvent::kind).containsSubsequence(MemoryEvent.Kind.WRITE, MemoryEvent.Kind.FILTER,
                MemoryEvent.Kind.WRITE, MemoryEvent.Kind.SUMMARY);
        assertThat(events).filteredOn(e -> e.kind() == MemoryEvent.Kind.FILTER).first()
                .satisfies(e -> assertThat(e.frameStep()).isEqualTo(2));
        assertThat(tools.landmarkGoals()).isEmpty();
    }

    @Test
    void landmarksAreAddedUpdatedAndDeletedPerGoal() {
        ToolMemoryStrategy tools = new ToolMemoryStrategy(4, 2);
        ScriptedProbe probe = new ScriptedProbe(0.0);
        tools.startSubtask(0, 0, "bed", HERE);
        tools.offer(ScriptedProbe.frame(1, 0, 0, 0, 5), probe);
        decide(tools, probe, 2, new Vec3(1, 0, 0));
        tools.offer(ScriptedProbe.frame(3, 6, 0, 0, 7), probe);
        decide(tools, probe, 4, new Vec3(7, 0, 0));
        tools.arrivalChecked(5, new Vec3(7.2, 0, 0), false);
        tools.startSubtask(6, 1, "tv", HERE);
        decide(tools, probe, 7, new Vec3(7, 0, 0));
        tools.startSubtask(8, 2, "lamp", HERE);
        decide(tools, probe, 9, new Vec3(7, 0, 0));
        tools.startSubtask(10, 3, "sink", HERE);
        decide(tools, probe, 11, new Vec3(7, 0, 0)); // capacity 2: the least recently updated ('tv') goes
        assertThat(tools.landmarkGoals()).containsExactly("lamp", "sink");
        assertThat(tools.drainEvents()).extracting(MemoryEvent::kind).filteredOn(k -> k.ordinal() >= MemoryEvent.Kind.ADD.ordinal())
                .containsExactly(MemoryEvent.Kind.ADD, MemoryEvent.Kind.UPDATE, MemoryEvent.Kind.DELETE, MemoryEvent.Kind.ADD,
                        MemoryEvent.Kind.ADD, MemoryEvent.Kind.DELETE, MemoryEvent.Kind.ADD);
    }

    private static void decide(ToolMemoryStrategy tools, ScriptedProbe probe, int step, Vec3 target) {
        List<MemoryFrame> read = tools.recall(step, HERE, probe);
        PolicyScores scores = probe.score(read);
        tools.decided(step, HERE, read, scores, scores.best(), target);
    }
}
