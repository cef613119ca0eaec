package org.memnav.app.replay;

import org.memnav.recordings.RunRecording;
import org.memnav.recordings.TokenTensor;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SemanticImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Frames and tokens of a recording, read through its chunk index (one reader, so calls are serialised). */
final class RecordingFrames implements FrameSource {

    private final RunRecording recording;
    private final List<Integer> rgbSteps;
    private final List<Integer> depthSteps;
    private final List<Integer> tokenSteps;

    RecordingFrames(RunRecording recording) throws IOException {
        this.recording = recording;
        this.rgbSteps = recording.rgbSteps();
        this.depthSteps = recording.depthSteps();
        this.tokenSteps = recording.encoderTokenSteps();
    }

    List<Integer> encoderTokenSteps() {
        return tokenSteps;
    }

    @Override
    public synchronized Optional<At<RgbImage>> rgbAtOrBefore(int step) {
        return floor(rgbSteps, step).flatMap(s -> rgbAt(s).map(img -> new At<>(s, img)));
    }

    @Override
    public synchronized Optional<RgbImage> rgbAt(int step) {
        try {
            var frame = recording.rgbFrame(step);
            return frame.isEmpty() ? Optional.empty() : Optional.of(frame.get().decode());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the RGB frame of step " + step + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<At<DepthImage>> depthAtOrBefore(int step) {
        try {
            Optional<Integer> s = floor(depthSteps, step);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            return recording.depthFrame(s.get()).map(d -> new At<>(d.step(), new DepthImage(d.width(), d.height(), d.metres())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the depth frame of step " + step + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<At<SemanticImage>> semanticAtOrBefore(int step) {
        return Optional.empty();
    }

    @Override
    public String semanticMissingReason() {
        return "recordings keep RGB and depth only";
    }

    @Override
    public synchronized Optional<TokenTensor> encoderTokensAt(int step) {
        try {
            return recording.encoderTokens(step).map(t -> t.tokens());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the encoder tokens of step " + step + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<At<TokenTensor>> encoderTokensAtOrBefore(int step) {
        return floor(tokenSteps, step).flatMap(s -> encoderTokensAt(s).map(t -> new At<>(s, t)));
    }

    static Optional<Integer> floor(List<Integer> ascending, int step) {
        int i = Collections.binarySearch(ascending, step);
        int at = i >= 0 ? i : -i - 2;
        return at < 0 ? Optional.empty() : Optional.of(ascending.get(at));
    }

    @Override
    public synchronized void close() {
        try {
            recording.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
