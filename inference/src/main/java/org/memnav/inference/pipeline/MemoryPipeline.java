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
    private final MultimodalGoalEncoder goals;
    private final MemoryPolicy policy;
    /** What {@link #close} closes: every model for an opened pipeline, only its own rate's for {@link #atRate}. */
    private final List<AutoCloseable> owned;

    private MemoryPipeline(PatchEncoder encoder, TokenCompressor compressor, MultimodalGoalEncoder goals, MemoryPolicy policy,
            List<AutoCloseable> owned) {
        this.encoder = encoder;
        this.compressor = compressor;
        this.goals = goals;
        this.policy = policy;
        this.owned = List.copyOf(owned);
    }

    public static MemoryPipeline open(PipelineManifests manifests, InferenceRuntime runtime, Supplier<SentenceEmbedder> sentences) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            PatchEncoder encoder = track(opened, PatchEncoder.open(manifests.encoder(), runtime));
            TokenCompressor compressor = track(opened, TokenCompressor.open(manifests.compressor(), runtime, encoder.geometry()));
            CategoryGoalEncoder category = track(opened, CategoryGoalEncoder.open(manifests.categoryGoal(), runtime));
            TextGoalEncoder text = track(opened, TextGoalEncoder.open(manifests.textGoal(), runtime, sentences));
            MemoryPolicy policy = track(opened, MemoryPolicy.open(manifests.policy(), runtime));
            checkAgree(compressor, policy);
            if (category.goalDim() != policy.spec().goalDim()) {
                throw new ModelException("goal dimensions disagree: policy '" + policy.name() + "' takes " + policy.spec().goalDim()
                        + ", goal_category gives " + category.goalDim());
            }
            MultimodalGoalEncoder goals = new MultimodalGoalEncoder(category, text, new ImageGoalEncoder(encoder, compressor));
            return new MemoryPipeline(encoder, compressor, goals, policy, List.of(goals, policy, compressor, encoder));
        } catch (RuntimeException e) {
            throw closeAll(opened, e);
        }
    }

    /**
     * This pipeline at another compression rate: only the compressor and policy of {@code manifests} are opened;
     * the encoder and the goal heads are shared with this pipeline (so a rate switch on a live run does not load
     * them again). Closing the result closes only what it opened; close it before this one.
     */
    public MemoryPipeline atRate(PipelineManifests manifests, InferenceRuntime runtime) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            TokenCompressor otherCompressor = track(opened, TokenCompressor.open(manifests.compressor(), runtime, encoder.geometry()));
            MemoryPolicy otherPolicy = track(opened, MemoryPolicy.open(manifests.policy(), runtime));
            checkAgree(otherCompressor, otherPolicy);
            if (otherPolicy.spec().goalDim() != policy.spec().goalDim()) {
                throw new ModelException("policy '" + otherPolicy.name() + "' takes goals of " + otherPolicy.spec().goalDim()
                        + " values, but the shared goal heads give " + policy.spec().goalDim());
            }
            MultimodalGoalEncoder otherGoals = goals.withImageEncoder(new ImageGoalEncoder(encoder, otherCompressor));
            return new MemoryPipeline(encoder, otherCompressor, otherGoals, otherPolicy, List.of(otherPolicy, otherCompressor));
        } catch (RuntimeException e) {
            throw closeAll(opened, e);
        }
    }

    /** The compressor's rate, token count and widths must be what the policy takes. */
    private static void checkAgree(TokenCompressor compressor, MemoryPolicy policy) {
        MemoryPolicy.Spec p = policy.spec();
        if (p.rate() != compressor.rate() || p.tokensPerFrame() != compressor.geometry().outputTokens()
                || p.tokenDim() != compressor.spec().tokenDim()) {
            throw new ModelException("policy '" + policy.name() + "' takes " + p.tokensPerFrame() + "x" + p.tokenDim()
                    + " tokens at rate " + p.rate() + ", but compressor '" + compressor.name() + "' gives "
                    + compressor.geometry().outputTokens() + "x" + compressor.spec().tokenDim() + " at rate " + compressor.rate());
        }
        if (compressor.spec().goalDim() != p.goalDim()) {
            throw new ModelException("goal dimensions disagree: policy '" + policy.name() + "' takes " + p.goalDim()
                    + ", compressor '" + compressor.name() + "' image goals " + compressor.spec().goalDim());
        }
    }

    private static RuntimeException closeAll(List<AutoCloseable> opened, RuntimeException e) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
        }
        return e;
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
        for (AutoCloseable model : owned) {
            try {
                model.close();
            } catch (Exception e) {
                throw new ModelException("could not close " + model + ": " + e.getMessage(), e);
            }
        }
    }
}
