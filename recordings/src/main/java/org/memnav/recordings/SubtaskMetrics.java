package org.memnav.recordings;

/**
 * One {@code /metrics/subtask} message, logged when a subtask ends: its outcome and what it cost the memory.
 * Counts cover the subtask only; memory sizes are those when it ended (memory lives on across the subtasks
 * of a lifelong episode).
 *
 * @param episodeIndex          0-based index of the episode within the recording
 * @param actions               actions the simulator counted for the subtask
 * @param decisions             decision points (target choices) during the subtask
 * @param memoryGuidedDecisions those that headed for a remembered goal
 * @param writes                memory writes during the subtask
 * @param evictions             frames evicted during the subtask
 * @param retrievals            frames read back for decisions during the subtask
 * @param memoryFrames          frames held at the end
 * @param memoryBytes           bytes held at the end
 * @param peakMemoryBytes       most bytes held at any point of the subtask
 * @param encoderRuns           encoder passes during the subtask
 * @param encoderMsMean         mean encoder latency, ms (0 without encoder runs)
 */
public record SubtaskMetrics(int step, int episodeIndex, String episodeId, int subtaskIndex, boolean success, double spl,
                             int actions, int decisions, int memoryGuidedDecisions, long writes, long evictions,
                             long retrievals, int memoryFrames, long memoryBytes, long peakMemoryBytes, int encoderRuns,
                             double encoderMsMean) {
}
