package org.memnav.scenes;

import org.junit.jupiter.api.Test;
import org.memnav.scenes.metrics.LifelongMetrics;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.scenes.sim.SceneSets;
import org.memnav.scenes.sim.ShortestPathOracle;
import org.memnav.scenes.sim.SimulatorOptions;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.SensorSpec;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric code against an agent whose answer is known: the shortest-path oracle walks the
 * geodesic and stops as soon as it is within the success distance, so every subtask succeeds
 * with SPL about 1 (SPL measures to the nearest view point, the oracle stops up to 1 m short of
 * it, which absorbs the slack of 30 degree headings and 0.25 m steps).
 */
class ShortestPathOracleTest {

    @Test
    void theOracleReachesEveryGoalWithSplAboutOneOnEveryEpisode() {
        // A small camera: this test is about paths and metrics, not pictures.
        SimulatorOptions options = SimulatorOptions.defaults().withSensor(new SensorSpec(32, 32, 90));
        List<String> scenes = new ArrayList<>(SceneSets.builtIn().set("train").sceneRefs());
        scenes.add(SceneSets.builtIn().set("heldout").sceneRefs().get(2));
        LifelongMetrics.Accumulator metrics = new LifelongMetrics.Accumulator();
        try (EmbeddedSimulator sim = new EmbeddedSimulator(options)) {
            for (int s = 0; s < scenes.size(); s++) {
                sim.loadScene(scenes.get(s));
                ShortestPathOracle oracle = new ShortestPathOracle(sim);
                for (int e = 0; e < 2; e++) {
                    int subtasks = 5 + (s * 2 + e) % 6;
                    List<SubtaskOutcome> outcomes = oracle.runEpisode(new EpisodeRequest(10 * s + e, subtasks));
                    assertThat(outcomes).hasSize(subtasks);
                    metrics.add(sim.episode().spec(), outcomes);
                    double episodeSpl = 0;
                    for (SubtaskOutcome o : outcomes) {
                        String what = scenes.get(s) + " episode " + e + " subtask " + o.subtaskIndex() + " (" + o.goal().description() + ")";
                        assertThat(o.success()).as(what).isTrue();
                        assertThat(o.spl()).as(what).isGreaterThan(0.95);
                        assertThat(o.finalDistanceM()).as(what).isLessThanOrEqualTo(1.0);
                        // the oracle's path is the geodesic (less the metre it may stop short), give or take the headings' slack
                        double needed = Math.max(0, o.shortestPathM() - 1.0);
                        assertThat(o.pathLengthM()).as(what).isLessThanOrEqualTo(needed * 1.12 + 0.5);
                        episodeSpl += o.spl();
                    }
                    assertThat(episodeSpl / outcomes.size()).isGreaterThan(0.99);
                }
            }
        }
        LifelongMetrics m = metrics.metrics();
        assertThat(m.all().successRate()).isEqualTo(1.0);
        assertThat(m.all().spl()).isGreaterThan(0.99);
        for (GoalModality modality : GoalModality.values()) {
            assertThat(m.modality(modality).subtasks()).as("%s goals", modality).isGreaterThan(0);
            assertThat(m.modality(modality).successRate()).isEqualTo(1.0);
        }
        assertThat(m.revisit().subtasks()).isGreaterThan(0);
        assertThat(m.firstVisit().spl()).isGreaterThan(0.99);
        assertThat(m.revisit().spl()).isGreaterThan(0.99);
    }
}
