package org.memnav.simbridge.api;

/**
 * How one subtask ended, judged by the simulator (as Habitat-Lab's measures do). SPL is measured
 * from the subtask's start position; {@code shortestPathM} is the geodesic distance from there to
 * the nearest goal view point. {@code revisit} is true when the goal's instances overlap those of
 * an earlier subtask of the same episode (the agent has been sent there before), so that metrics
 * can split first visits from revisits: the lifelong-memory signal.
 */
public record SubtaskOutcome(int subtaskIndex, Goal goal, boolean success, double spl, double shortestPathM,
                             double pathLengthM, int actions, double finalDistanceM, boolean budgetExhausted,
                             boolean revisit) {

    /** An outcome of a first visit (revisit false). */
    public SubtaskOutcome(int subtaskIndex, Goal goal, boolean success, double spl, double shortestPathM,
                          double pathLengthM, int actions, double finalDistanceM, boolean budgetExhausted) {
        this(subtaskIndex, goal, success, spl, shortestPathM, pathLengthM, actions, finalDistanceM, budgetExhausted, false);
    }
}
