package org.memnav.app.replay;

/** One finished subtask as the metrics table shows it; {@code revisit} as the simulator judged it (goal seen before). */
public record SubtaskResult(int episodeIndex, int subtaskIndex, String goal, boolean success, double spl, boolean revisit,
                            int actions, long writes, int endStep) {
}
