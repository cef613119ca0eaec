package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.memnav.scenes.metrics.LifelongMetrics;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LifelongMetricsTest {

    private static final Goal CHAIR = Goal.category("chair");
    private static final Goal LAMP = new Goal(GoalModality.LANGUAGE, "lamp", "the blue lamp in the office", 4);
    private static final Goal BED = new Goal(GoalModality.IMAGE, "bed", "picture of a bed", 9);

    private static SubtaskOutcome outcome(int i, Goal g, boolean success, double spl, boolean revisit) {
        return new SubtaskOutcome(i, g, success, spl, 5, 6, 30, success ? 0.5 : 3, false, revisit);
    }

    @Test
    void splitsSuccessAndSplByModalityAndByFirstVisitOrRevisit() {
        EpisodeSpec spec = new EpisodeSpec("e", "s", 1, new Pose(Vec3.ORIGIN, 0), List.of(CHAIR, LAMP, BED, CHAIR, LAMP));
        List<SubtaskOutcome> outcomes = List.of(outcome(0, CHAIR, true, 0.8, false), outcome(1, LAMP, false, 0, false),
                outcome(2, BED, true, 0.6, false), outcome(3, CHAIR, true, 1.0, true));
        // the fifth goal was never judged: the agent called stop after the fourth
        LifelongMetrics m = new LifelongMetrics.Accumulator().add(spec, outcomes).metrics();
        assertThat(m.all().subtasks()).isEqualTo(5);
        assertThat(m.all().successRate()).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(m.all().spl()).isCloseTo(2.4 / 5, within(1e-12));
        assertThat(m.modality(GoalModality.OBJECT_CATEGORY).spl()).isCloseTo(0.9, within(1e-12));
        assertThat(m.modality(GoalModality.LANGUAGE).subtasks()).isEqualTo(2);
        assertThat(m.modality(GoalModality.LANGUAGE).successRate()).isZero();
        assertThat(m.modality(GoalModality.IMAGE).spl()).isCloseTo(0.6, within(1e-12));
        assertThat(m.firstVisit().subtasks()).isEqualTo(3);
        assertThat(m.firstVisit().spl()).isCloseTo(1.4 / 3, within(1e-12));
        assertThat(m.revisit().subtasks()).isEqualTo(1);
        assertThat(m.revisit().spl()).isCloseTo(1.0, within(1e-12));
        assertThat(new LifelongMetrics.Accumulator().metrics().all().spl()).isNaN();
    }
}
