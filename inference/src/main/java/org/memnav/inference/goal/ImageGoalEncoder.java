package org.memnav.inference.goal;

import org.memnav.inference.model.CompressedFrame;
import org.memnav.inference.model.ModelException;
import org.memnav.inference.model.PatchEncoder;
import org.memnav.inference.model.TokenCompressor;
import org.memnav.simbridge.api.Goal;

/**
 * Image goals: the goal picture goes through the same encoder and compressor as the agent's own
 * frames; the compressor's pooled image-goal output is the goal vector. Borrows the pipeline's
 * models (it does not close them).
 */
public final class ImageGoalEncoder implements GoalEncoder {

    private final PatchEncoder encoder;
    private final TokenCompressor compressor;

    public ImageGoalEncoder(PatchEncoder encoder, TokenCompressor compressor) {
        this.encoder = encoder;
        this.compressor = compressor;
    }

    @Override
    public GoalVector encode(Goal goal) {
        if (goal.image() == null) {
            throw new ModelException("image goal '" + goal.description() + "' carries no picture");
        }
        long started = System.nanoTime();
        CompressedFrame frame = compressor.compress(encoder.encode(goal.image()));
        return new GoalVector(frame.imageGoal(), goal.modality(), encoder.name() + "+" + compressor.name(),
                (System.nanoTime() - started) / 1e6);
    }

    @Override
    public void close() {
        // models are owned by the pipeline
    }
}
