package org.memnav.inference.agent;

import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.SubtaskOutcome;

import java.util.List;

/**
 * Outcome of a lifelong episode. SR and SPL average over every goal of the episode: subtasks never
 * reached (the run was stopped) count as failures.
 */
public record EpisodeResult(EpisodeSpec spec, List<SubtaskOutcome> outcomes, int steps, double wallSeconds,
                            boolean stoppedEarly) {

    public EpisodeResult {
        outcomes = List.copyOf(outcomes);
    }

    public double successRate() {
        return outcomes.stream().filter(SubtaskOutcome::success).count() / (double) spec.goals().size();
    }

    public double spl() {
        return outcomes.stream().mapToDouble(SubtaskOutcome::spl).sum() / spec.goals().size();
    }
}
