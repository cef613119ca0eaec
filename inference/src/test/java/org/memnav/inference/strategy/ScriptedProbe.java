package org.memnav.inference.strategy;

import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * A stand-in for the learned policy with a rule the tests can reason about: a frame's score is its first token
 * value (a "goal seen" frame carries a high one), the frontiers score as given. Counts its calls.
 */
final class ScriptedProbe implements PolicyProbe {

    private final double[] frontierScores;
    private final float[] goal;
    int calls;

    ScriptedProbe(float[] goal, double... frontierScores) {
        this.goal = goal;
        this.frontierScores = frontierScores;
    }

    ScriptedProbe(double... frontierScores) {
        this(new float[] {1, 0}, frontierScores);
    }

    @Override
    public PolicyScores score(List<MemoryFrame> frames) {
        calls++;
        double[] scores = new double[frames.size()];
        double[][] offsets = new double[frames.size()][];
        for (int i = 0; i < frames.size(); i++) {
            scores[i] = frames.get(i).data()[0];
            offsets[i] = new double[] {1, 0};
        }
        return new PolicyScores(scores, frontierScores.clone(), offsets, 0);
    }

    @Override
    public float[] goal() {
        return goal;
    }

    /** A candidate frame (id 0) of 2 tokens x 2 values, first value {@code score}, at (x, 0, z) facing yaw. */
    static MemoryFrame frame(int step, double x, double z, double yaw, float score) {
        return new MemoryFrame(0, step, new Pose(new Vec3(x, 0, z), yaw), 2, 2, new float[] {score, 0, 0, 0});
    }
}
