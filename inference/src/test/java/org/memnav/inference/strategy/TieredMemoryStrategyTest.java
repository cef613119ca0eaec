package org.memnav.inference.strategy;

import org.junit.jupiter.api.Test;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TieredMemoryStrategyTest {

    private static Pose at(double x) {
        return new Pose(new Vec3(x, 0, 0), 0);
    }

    @Test
    void theThreeTiersHoldGoalStateFramesEventsAndFacts() {
        TieredMemoryStrategy tiers = new TieredMemoryStrategy(2);
        ScriptedProbe probe = new ScriptedProbe(0.0);
        tiers.startEpisode();
        tiers.startSubtask(0, 0, "chair", at(0));
        tiers.offer(ScriptedProbe.frame(1, 0, 0, 0, 5), probe); // sees the chair
        tiers.offer(ScriptedProbe.frame(2, 4, 0, 0, -1), probe);
        List<MemoryFrame> read = tiers.recall(3, at(4), probe);
        PolicyScores scores = probe.score(read);
        tiers.decided(3, at(4), read, scores, scores.best(), new Vec3(1, 0, 0));
        tiers.stopped(9, at(1), true);
        TierSnapshot s = tiers.drainTiers();
        assertThat(s.core()).isEqualTo(new TierSnapshot.Core(0, "chair", at(1), new Vec3(1, 0, 0)));
        assertThat(s.episodicFrames()).extracting(TierSnapshot.EpisodicFrame::step).containsExactly(1, 2);
        assertThat(s.episodicEvents()).extracting(TierSnapshot.EpisodicEvent::step).containsExactly(0, 9);
        assertThat(s.semantic()).containsExactly(new TierSnapshot.SemanticFact("chair", new Vec3(1, 0, 0), 1, 1, 9));
        assertThat(tiers.drainTiers()).as("unchanged since the last snapshot").isNull();

        // Two more frames push the chair's frame out of the FIFO; the fact keeps it readable for the revisit.
        tiers.startSubtask(10, 1, "sofa", at(1));
        tiers.offer(ScriptedProbe.frame(11, 8, 0, 0, -1), probe);
        tiers.offer(ScriptedProbe.frame(12, 12, 0, 0, -1), probe);
        tiers.startSubtask(13, 2, "chair", at(12));
        List<MemoryFrame> revisit = tiers.recall(14, at(12), probe);
        assertThat(revisit).extracting(MemoryFrame::step).containsExactly(11, 12, 1);
        PolicyScores again = probe.score(revisit);
        tiers.decided(14, at(12), revisit, again, again.best(), new Vec3(1, 0, 0));
        tiers.stopped(20, at(2), true);
        TierSnapshot after = tiers.drainTiers();
        assertThat(after.semantic()).singleElement().satisfies(f -> {
            assertThat(f.support()).isEqualTo(2);
            assertThat(f.place()).isEqualTo(new Vec3(1.5, 0, 0));
        });
        assertThat(tiers.footprint().frames()).as("2 episodic + the fact's frame").isEqualTo(3);
        assertThat(tiers.drainEvents()).extracting(MemoryEvent::kind).filteredOn(k -> k == MemoryEvent.Kind.ADD || k == MemoryEvent.Kind.UPDATE)
                .containsExactly(MemoryEvent.Kind.ADD, MemoryEvent.Kind.UPDATE);
    }

    @Test
    void aFactRefutedOnArrivalIsDeletedAndExplorationStopsAddNone() {
        TieredMemoryStrategy tiers = new TieredMemoryStrategy(4);
        ScriptedProbe probe = new ScriptedProbe(9.0);
        tiers.startSubtask(0, 0, "bed", at(0));
        tiers.offer(ScriptedProbe.frame(1, 0, 0, 0, 10), probe);
        List<MemoryFrame> read = tiers.recall(2, at(0), probe);
        PolicyScores scores = probe.score(read);
        tiers.decided(2, at(0), read, scores, scores.best(), new Vec3(3, 0, 0));
        tiers.stopped(5, at(3), true);
        tiers.arrivalChecked(6, new Vec3(3.5, 0, 0), false);
        assertThat(tiers.snapshot().semantic()).isEmpty();
        tiers.stopped(7, at(3), false);
        assertThat(tiers.snapshot().semantic()).isEmpty();
        assertThat(tiers.drainEvents()).extracting(MemoryEvent::kind).containsExactly(MemoryEvent.Kind.WRITE, MemoryEvent.Kind.ADD,
                MemoryEvent.Kind.DELETE);
    }
}
