package org.memnav.app.replay;

import org.memnav.recordings.TokenTensor;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SemanticImage;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a live run keeps for scrubbing back: frames every {@value #FRAMES_EVERY} steps and at every encoded
 * step, tokens at every encoded step, at most {@value #MAX_KEPT} of each (the oldest go first), so a long
 * run does not fill the heap.
 */
final class LiveFrames implements FrameSource {

    static final int FRAMES_EVERY = 10;
    static final int MAX_KEPT = 400;

    private final NavigableMap<Integer, RgbImage> rgb = new TreeMap<>();
    private final NavigableMap<Integer, DepthImage> depth = new TreeMap<>();
    private final NavigableMap<Integer, SemanticImage> semantic = new TreeMap<>();
    private final NavigableMap<Integer, TokenTensor> tokens = new TreeMap<>();

    synchronized void addObservation(int step, RgbImage r, DepthImage d, SemanticImage s, boolean encoded) {
        if (step % FRAMES_EVERY != 0 && !encoded) {
            return;
        }
        put(rgb, step, r);
        put(depth, step, d);
        put(semantic, step, s);
    }

    synchronized void addTokens(int step, TokenTensor t) {
        put(tokens, step, t);
    }

    private static <T> void put(NavigableMap<Integer, T> map, int step, T value) {
        if (value == null) {
            return;
        }
        map.put(step, value);
        while (map.size() > MAX_KEPT) {
            map.pollFirstEntry();
        }
    }

    private static <T> Optional<At<T>> floor(NavigableMap<Integer, T> map, int step) {
        Map.Entry<Integer, T> e = map.floorEntry(step);
        return e == null ? Optional.empty() : Optional.of(new At<>(e.getKey(), e.getValue()));
    }

    @Override
    public synchronized Optional<At<RgbImage>> rgbAtOrBefore(int step) {
        return floor(rgb, step);
    }

    @Override
    public synchronized Optional<At<DepthImage>> depthAtOrBefore(int step) {
        return floor(depth, step);
    }

    @Override
    public synchronized Optional<At<SemanticImage>> semanticAtOrBefore(int step) {
        return floor(semantic, step);
    }

    @Override
    public String semanticMissingReason() {
        return "the simulator sends no semantic frames in this run";
    }

    @Override
    public synchronized Optional<RgbImage> rgbAt(int step) {
        return Optional.ofNullable(rgb.get(step));
    }

    @Override
    public synchronized Optional<TokenTensor> encoderTokensAt(int step) {
        return Optional.ofNullable(tokens.get(step));
    }

    @Override
    public synchronized Optional<At<TokenTensor>> encoderTokensAtOrBefore(int step) {
        return floor(tokens, step);
    }

    @Override
    public void close() {
    }
}
