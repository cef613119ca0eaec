package org.memnav.simbridge.api;

/**
 * How one subtask ended, judged by the simulator (as Habitat-Lab's measures do). SPL is measured
 * from the subtask's start position; {@code shortestPathM} is the geodesic distance from there to
 * the nearest goal view point.
 */
public record SubtaskOutcome(int subtaskIndex, Goal goal, boolean success, double spl, double shortestPathM,
                             double pathLengthM, int actions, double finalDistanceM, boolean budgetExhausted) {
}
