package org.memnav.inference.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.InputTensor;
import org.memnav.inference.model.ModelException;
import org.memnav.inference.model.ModelSession;
import org.memnav.inference.model.OutputTensor;
import org.memnav.inference.model.ProviderChoice;
import org.memnav.simbridge.api.Pose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The learned AstraNav-style scorer (policy_r{rate}.onnx, trained by imitation of an oracle): given
 * the goal vector, the memory (each frame's pose relative to the agent plus its compressed tokens)
 * and the frontier candidates, it scores "go to where a remembered frame saw the goal" against every
 * frontier, and says where each frame puts the goal. Its time grows with memory length times tokens
 * per frame, which is what compression cuts.
 */
public final class MemoryPolicy implements AutoCloseable {

    public static final String KIND = "policy";

    /** The manifest's "policy" section. */
    public record Spec(@JsonProperty("rate") int rate, @JsonProperty("tokens_per_frame") int tokensPerFrame,
                       @JsonProperty("token_dim") int tokenDim, @JsonProperty("goal_dim") int goalDim,
                       @JsonProperty("pose_scale_m") double poseScaleM,
                       @JsonProperty("frontier_cells_scale") double frontierCellsScale) {
    }

    private final ModelSession model;
    private final Spec spec;

    private MemoryPolicy(ModelSession model, Spec spec) {
        this.model = model;
        this.spec = spec;
    }

    public static MemoryPolicy open(Path manifest, InferenceRuntime runtime) {
        ModelSession model = ModelSession.open(manifest, runtime);
        try {
            if (!KIND.equals(model.manifest().kind())) {
                throw new ModelException("manifest " + manifest + ": field 'kind' is '" + model.manifest().kind() + "', expected '" + KIND + "'");
            }
            Spec spec = model.section(KIND, Spec.class);
            if (spec.tokensPerFrame() <= 0 || spec.tokenDim() <= 0 || spec.goalDim() <= 0 || spec.poseScaleM() <= 0
                    || spec.frontierCellsScale() <= 0) {
                throw new ModelException("manifest " + manifest + ": section 'policy' needs positive tokens_per_frame, token_dim, "
                        + "goal_dim, pose_scale_m and frontier_cells_scale, got " + spec);
            }
            return new MemoryPolicy(model, spec);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Scores every frame of {@code memory} (at least one) and every frontier for {@code goal}, seen from {@code agent}. */
    public PolicyScores score(float[] goal, List<MemoryFrame> memory, Pose agent, List<FrontierInput> frontiers) {
        if (goal.length != spec.goalDim()) {
            throw new ModelException("policy '" + name() + "': goal vector has " + goal.length + " values, expected " + spec.goalDim());
        }
        if (memory.isEmpty()) {
            throw new IllegalArgumentException("policy '" + name() + "' needs at least one remembered frame");
        }
        int t = memory.size();
        int k = spec.tokensPerFrame();
        int d = spec.tokenDim();
        float[] tokens = new float[t * k * d];
        float[] poses = new float[t * 4];
        LocalFrame here = new LocalFrame(agent);
        for (int i = 0; i < t; i++) {
            MemoryFrame f = memory.get(i);
            if (f.tokens() != k || f.dim() != d) {
                throw new ModelException("policy '" + name() + "' takes frames of " + k + "x" + d + " tokens (rate " + spec.rate()
                        + "), memory frame " + f.id() + " has " + f.tokens() + "x" + f.dim());
            }
            System.arraycopy(f.data(), 0, tokens, i * k * d, k * d);
            double[] local = here.toLocal(f.pose().position());
            double dyaw = f.pose().yaw() - agent.yaw();
            poses[i * 4] = (float) (local[0] / spec.poseScaleM());
            poses[i * 4 + 1] = (float) (local[1] / spec.poseScaleM());
            poses[i * 4 + 2] = (float) Math.cos(dyaw);
            poses[i * 4 + 3] = (float) Math.sin(dyaw);
        }
        // The graph needs at least one frontier row; with none, one placeholder is scored and dropped.
        int f = Math.max(frontiers.size(), 1);
        float[] front = new float[f * 4];
        for (int i = 0; i < frontiers.size(); i++) {
            FrontierInput c = frontiers.get(i);
            double[] local = here.toLocal(c.point());
            front[i * 4] = (float) (local[0] / spec.poseScaleM());
            front[i * 4 + 1] = (float) (local[1] / spec.poseScaleM());
            front[i * 4 + 2] = (float) (c.geodesicM() / spec.poseScaleM());
            front[i * 4 + 3] = (float) (c.cells() / spec.frontierCellsScale());
        }
        long started = System.nanoTime();
        Map<String, OutputTensor> out = model.run(List.of(
                InputTensor.floats("goal", goal, 1, goal.length),
                InputTensor.floats("memory_tokens", tokens, 1, t, k, d),
                InputTensor.floats("memory_poses", poses, 1, t, 4),
                InputTensor.floats("frontiers", front, 1, f, 4)));
        double latency = (System.nanoTime() - started) / 1e6;
        float[] ms = requireLength(out.get("memory_scores"), t);
        float[] fs = requireLength(out.get("frontier_scores"), f);
        float[] off = requireLength(out.get("memory_offsets"), t * 2);
        double[] memoryScores = new double[t];
        double[][] offsets = new double[t][];
        for (int i = 0; i < t; i++) {
            memoryScores[i] = ms[i];
            offsets[i] = new double[] {off[i * 2], off[i * 2 + 1]};
        }
        double[] frontierScores = new double[frontiers.size()];
        for (int i = 0; i < frontiers.size(); i++) {
            frontierScores[i] = fs[i];
        }
        return new PolicyScores(memoryScores, frontierScores, offsets, latency);
    }

    private float[] requireLength(OutputTensor tensor, int length) {
        if (tensor.values().length != length) {
            throw new ModelException("policy '" + name() + "': output '" + tensor.name() + "' has " + tensor.values().length
                    + " values, expected " + length);
        }
        return tensor.values();
    }

    public Spec spec() {
        return spec;
    }

    public String name() {
        return model.manifest().name();
    }

    public ProviderChoice provider() {
        return model.provider();
    }

    @Override
    public void close() {
        model.close();
    }
}
