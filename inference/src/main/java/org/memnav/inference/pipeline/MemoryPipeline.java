package org.memnav.inference.pipeline;

import org.memnav.inference.goal.CategoryGoalEncoder;
import org.memnav.inference.goal.GoalEncoder;
import org.memnav.inference.goal.ImageGoalEncoder;
import org.memnav.inference.goal.MultimodalGoalEncoder;
import org.memnav.inference.goal.SentenceEmbedder;
import org.memnav.inference.goal.TextGoalEncoder;
import org.memnav.inference.model.CompressedFrame;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.ModelException;
import org.memnav.inference.model.PatchEncoder;
import org.memnav.inference.model.PatchTokens;
import org.memnav.inference.model.TokenCompressor;
import org.memnav.inference.policy.MemoryPolicy;
import org.memnav.simbridge.api.RgbImage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The learned models of one agent, opened together and checked against each other at load: the
 * encoder's grid feeds the compressor, the compressor's rate and token width match the policy's, and
 * every goal head speaks the policy's goal dimension. One instance per agent thread (ONNX sessions
 * are not shared across the eval's workers).
 */
public final class MemoryPipeline implements AutoCloseable {

    /** One camera frame through encoder and compressor, with the time each took. */
    public record Perception(PatchTokens patchTokens, CompressedFrame compressed, double encoderMs, double compressorMs) {
    }

    private final PatchEncoder encoder;
    private final TokenCompressor compressor;
    private final GoalEncoder goals;
    private final MemoryPolicy policy;

    private MemoryPipeline(PatchEncoder encoder, TokenCompressor compressor, GoalEncoder goals, MemoryPolicy policy) {
        this.encoder = encoder;
        this.compressor = compressor;
        this.goals = goals;
        this.policy = policy;
    }

    public static MemoryPipeline open(PipelineManifests manifests, InferenceRuntime runtime, Supplier<SentenceEmbedder> sentences) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            PatchEncoder encoder = track(opened, PatchEncoder.open(manifests.encoder(), runtime));
            TokenCompressor compressor = track(opened, TokenCompressor.open(manifests.compressor(), runtime, encoder.geometry()));
            CategoryGoalEncoder category = track(opened, CategoryGoalEncoder.open(manifests.categoryGoal(), runtime));
            TextGoalEncoder text = track(opened, TextGoalEncoder.open(manifests.textGoal(), runtime, sentences));
            MemoryPolicy policy = track(opened, MemoryPolicy.open(manifests.policy(), runtime));
            MemoryPolicy.Spec p = policy.spec();
            if (p.rate() != compressor.rate() || p.tokensPerFrame() != compressor.geometry().outputTokens()
                    || p.tokenDim() != compressor.spec().tokenDim()) {
                throw new ModelException("policy '" + policy.name() + "' takes " + p.tokensPerFrame() + "x" + p.tokenDim()
                        + " tokens at rate " + p.rate() + ", but compressor '" + compressor.name() + "' gives "
                        + compressor.geometry().outputTokens() + "x" + compressor.spec().tokenDim() + " at rate " + compressor.rate());
            }
            if (category.goalDim() != p.goalDim() || compressor.spec().goalDim() != p.goalDim()) {
                throw new ModelException("goal dimensions disagree: policy '" + policy.name() + "' takes " + p.goalDim()
                        + ", goal_category gives " + category.goalDim() + ", compressor image goals " + compressor.spec().goalDim());
            }
            GoalEncoder goals = new MultimodalGoalEncoder(category, text, new ImageGoalEncoder(encoder, compressor));
            return new MemoryPipeline(encoder, compressor, goals, policy);
        } catch (RuntimeException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> opened, T resource) {
        opened.add(resource);
        return resource;
    }

    public Perception perceive(RgbImage rgb) {
        PatchTokens tokens = encoder.encode(rgb);
        double encoderMs = encoder.lastLatencyMillis();
        CompressedFrame compressed = compressor.compress(tokens);
        return new Perception(tokens, compressed, encoderMs, compressor.lastLatencyMillis());
    }

    public PatchEncoder encoder() {
        return encoder;
    }

    public TokenCompressor compressor() {
        return compressor;
    }

    public GoalEncoder goals() {
        return goals;
    }

    public MemoryPolicy policy() {
        return policy;
    }

    public int rate() {
        return compressor.rate();
    }

    /** "CPU" or "CUDA": where the encoder, the heaviest model, runs. */
    public String executionProvider() {
        return encoder.provider().label();
    }

    @Override
    public void close() {
        goals.close();
        policy.close();
        compressor.close();
        encoder.close();
    }
}
