package org.memnav.recordings;

import org.memnav.recordings.mcap.McapWriterOptions;

import java.time.InstantSource;

/**
 * How {@link RunRecorder} records.
 *
 * @param rgbEveryNSteps   record the RGB frame of every Nth step (steps 0, N, 2N, ...); 0 turns RGB off
 * @param depthEveryNSteps record the depth frame of every Nth step; 0 turns depth off
 * @param tokenDtype       element type of the token channels (float16 halves their size)
 * @param mcap             file layout (chunk size, compression)
 * @param clock            wall clock for the run's start time and the messages' publish times
 */
public record RunRecorderOptions(int rgbEveryNSteps, int depthEveryNSteps, TensorDtype tokenDtype, McapWriterOptions mcap,
                                 InstantSource clock) {
    public RunRecorderOptions {
        if (rgbEveryNSteps < 0 || depthEveryNSteps < 0) {
            throw new IllegalArgumentException("frame cadences must be >= 0, got rgb " + rgbEveryNSteps + ", depth "
                    + depthEveryNSteps);
        }
        if (tokenDtype == null || mcap == null || clock == null) {
            throw new IllegalArgumentException("token dtype, mcap options and clock must not be null");
        }
    }

    /** RGB and depth off, float16 tokens, default MCAP layout, system clock. */
    public static RunRecorderOptions defaults() {
        return new RunRecorderOptions(0, 0, TensorDtype.FLOAT16, McapWriterOptions.defaults(), InstantSource.system());
    }

    public RunRecorderOptions withRgbEvery(int n) {
        return new RunRecorderOptions(n, depthEveryNSteps, tokenDtype, mcap, clock);
    }

    public RunRecorderOptions withDepthEvery(int n) {
        return new RunRecorderOptions(rgbEveryNSteps, n, tokenDtype, mcap, clock);
    }

    public RunRecorderOptions withTokenDtype(TensorDtype dtype) {
        return new RunRecorderOptions(rgbEveryNSteps, depthEveryNSteps, dtype, mcap, clock);
    }

    public RunRecorderOptions withMcap(McapWriterOptions options) {
        return new RunRecorderOptions(rgbEveryNSteps, depthEveryNSteps, tokenDtype, options, clock);
    }

    public RunRecorderOptions withClock(InstantSource c) {
        return new RunRecorderOptions(rgbEveryNSteps, depthEveryNSteps, tokenDtype, mcap, c);
    }

    RecordingCadence cadence() {
        return new RecordingCadence(rgbEveryNSteps, depthEveryNSteps, tokenDtype);
    }
}
