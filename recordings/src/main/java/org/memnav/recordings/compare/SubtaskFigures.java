package org.memnav.recordings.compare;

import org.memnav.simbridge.api.Goal;

/**
 * One run's figures for one subtask: where it lies on the run's step clock and what it achieved and cost.
 *
 * @param startStep       step of the subtask's start event
 * @param endStep         step of its end event, or -1 if the recording stops before it ended
 * @param spl             success weighted by path length (NaN if it did not end)
 * @param writes          memory writes during the subtask (-1 if the recording has neither metrics nor memory ops)
 * @param memoryBytes     memory held when the subtask ended (-1 if unknown)
 * @param peakMemoryBytes most memory held during the subtask (-1 if unknown)
 */
public record SubtaskFigures(Goal goal, int startStep, int endStep, boolean ended, boolean success, double spl,
                            int actions, long writes, long memoryBytes, long peakMemoryBytes, int decisions) {

    /** Steps from start to end (or to the last recorded step for a subtask cut off). */
    public int steps(int lastRecordedStep) {
        return (ended ? endStep : lastRecordedStep) - startStep;
    }
}
