package org.memnav.app.replay;

import org.memnav.recordings.PolicyDecision;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Pose;

import java.util.List;

/**
 * Everything the workbench shows at one playhead step, computed away from the FX thread.
 *
 * @param goal       the goal of the subtask running at the step (null before the first)
 * @param decision   the latest decision at or before the step (null before the first)
 * @param memory     frames in memory at the step, oldest first
 * @param writesSoFar memory writes at or before the step
 * @param results    subtasks finished at or before the step
 */
public record RunMoment(int step, int lastStep, Pose pose, PolicyDecision.Mode mode, String action, int subtaskIndex,
                        int subtaskCount, Goal goal, PolicyDecision decision, List<RememberedFrame> memory, long memoryTokens,
                        long memoryBytes, long writesSoFar, List<SubtaskResult> results) {

    public RunMoment {
        memory = List.copyOf(memory);
        results = List.copyOf(results);
    }

    public double successRate() {
        return results.isEmpty() ? Double.NaN : results.stream().filter(SubtaskResult::success).count() / (double) results.size();
    }

    public double meanSpl() {
        return results.stream().mapToDouble(SubtaskResult::spl).average().orElse(Double.NaN);
    }

    public String goalLabel() {
        return goal == null ? "—" : goal.description();
    }
}
