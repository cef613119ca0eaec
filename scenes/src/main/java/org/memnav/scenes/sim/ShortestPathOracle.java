package org.memnav.scenes.sim;

import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * An agent that cheats with ground truth: for each subtask it follows the taut shortest path to
 * the goal's nearest view point with the greedy follower and calls subtask_stop as soon as it is
 * within the success distance. Its path is the geodesic minus the success distance plus the slack
 * of 30-degree headings and 0.25 m steps, so its SPL is about 1 on every subtask: it checks the
 * metric code (and the simulator's paths), and it is the upper bound in benchmark tables.
 */
public final class ShortestPathOracle {

    /** Stop a little inside the success distance, so rounding never turns a success into a failure. */
    private static final double MARGIN_M = 0.02;

    private final EmbeddedSimulator sim;

    public ShortestPathOracle(EmbeddedSimulator sim) {
        this.sim = sim;
    }

    /** The oracle's action at the simulator's current state. */
    public Action nextAction() {
        double stopWithin = sim.options().agent().successDistanceM() - MARGIN_M;
        if (sim.distanceToGoal() <= stopWithin) {
            return Action.SUBTASK_STOP;
        }
        if (sim.pathToGoal().isEmpty()) {
            throw new SimException("unreachable", "the current goal '" + sim.currentGoalRegion().goal().description()
                    + "' cannot be reached from " + sim.agentPose().position());
        }
        return sim.greedyFollower().nextActionDownField(sim.agentPose(), sim.currentGoalRegion().distanceField(), stopWithin)
                .orElse(Action.SUBTASK_STOP);
    }

    /** Runs a whole episode in the loaded scene and returns its subtask outcomes. */
    public List<SubtaskOutcome> runEpisode(EpisodeRequest request) {
        sim.newEpisode(request);
        List<SubtaskOutcome> outcomes = new ArrayList<>();
        while (!sim.episodeOver()) {
            Observation o = sim.step(nextAction());
            if (o.status().lastOutcome() != null) {
                outcomes.add(o.status().lastOutcome());
            }
        }
        return outcomes;
    }
}
