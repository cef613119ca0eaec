package org.memnav.recordings;

/**
 * How often a recording kept frames and how it stored tokens, as written in {@code /run/config}'s
 * {@code recording} object (recordings made before it existed read back as RGB-only defaults).
 */
public record RecordingCadence(int rgbEveryNSteps, int depthEveryNSteps, TensorDtype tokenDtype) {
}
