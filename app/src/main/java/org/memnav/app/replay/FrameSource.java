package org.memnav.app.replay;

import org.memnav.recordings.TokenTensor;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SemanticImage;

import java.util.Optional;

/**
 * The heavy per-step data of a run (camera frames and encoder tokens), read on demand: from a recording
 * through its chunk index, or from what a live run kept in memory. Each lookup is "the latest at or before
 * a step", since frames are kept only every few steps.
 */
public interface FrameSource extends AutoCloseable {

    /** A value seen at {@code step} (at or before the step asked for). */
    record At<T>(int step, T value) {
    }

    Optional<At<RgbImage>> rgbAtOrBefore(int step);

    Optional<At<DepthImage>> depthAtOrBefore(int step);

    /** Semantic frames: a recording never has them (why is in {@link #semanticMissingReason()}). */
    Optional<At<SemanticImage>> semanticAtOrBefore(int step);

    String semanticMissingReason();

    /** The RGB frame of exactly {@code step}, for thumbnails. */
    Optional<RgbImage> rgbAt(int step);

    /** The encoder's patch tokens of the frame seen at exactly {@code step}. */
    Optional<TokenTensor> encoderTokensAt(int step);

    /** The latest encoder tokens at or before {@code step}. */
    Optional<At<TokenTensor>> encoderTokensAtOrBefore(int step);

    @Override
    void close();
}
