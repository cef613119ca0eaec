package org.memnav.inference.pipeline;

import org.memnav.inference.model.ModelLocator;

import java.nio.file.Path;

/**
 * The manifests of one learned pipeline: encoder, compressor, category and language goal heads, and
 * the policy. {@link #shipped} names the models in {@code inference/models} for a compression rate;
 * a researcher can swap any of them (e.g. their own encoder with a compressor trained for it).
 */
public record PipelineManifests(Path encoder, Path compressor, Path categoryGoal, Path textGoal, Path policy) {

    public static final int DEFAULT_RATE = 16;

    public static PipelineManifests shipped(ModelLocator models, int rate) {
        return new PipelineManifests(models.defaultEncoderManifest(), models.manifest("compressor_r" + rate),
                models.manifest("goal_category"), models.manifest("goal_text"), models.manifest("policy_r" + rate));
    }

    public PipelineManifests withEncoder(Path encoderManifest) {
        return new PipelineManifests(encoderManifest, compressor, categoryGoal, textGoal, policy);
    }
}
