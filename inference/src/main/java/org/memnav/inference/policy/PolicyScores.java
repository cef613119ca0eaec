package org.memnav.inference.policy;

/**
 * The policy's output at one decision: a score per remembered frame and per frontier (higher is
 * better, comparable across both), and for each frame where it would put the goal, in that frame's
 * local coordinates (metres forward, right).
 */
public record PolicyScores(double[] memoryScores, double[] frontierScores, double[][] memoryOffsets, double latencyMs) {

    /** The winning candidate: a memory frame index, or a frontier index, and its score. */
    public record Choice(boolean memory, int index, double score) {
    }

    public Choice best() {
        Choice best = null;
        for (int i = 0; i < memoryScores.length; i++) {
            if (best == null || memoryScores[i] > best.score()) {
                best = new Choice(true, i, memoryScores[i]);
            }
        }
        for (int i = 0; i < frontierScores.length; i++) {
            if (best == null || frontierScores[i] > best.score()) {
                best = new Choice(false, i, frontierScores[i]);
            }
        }
        return best;
    }

    /** The best frontier alone (null when there is none), for when memory targets have been ruled out. */
    public Choice bestFrontier() {
        Choice best = null;
        for (int i = 0; i < frontierScores.length; i++) {
            if (best == null || frontierScores[i] > best.score()) {
                best = new Choice(false, i, frontierScores[i]);
            }
        }
        return best;
    }
}
