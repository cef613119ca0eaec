package org.memnav.recordings;

import org.memnav.recordings.mcap.McapWriterOptions;

import java.time.InstantSource;

/**
 * How {@link RunRecorder} records.
 *
 * @param rgbEveryNSteps record the RGB frame of every Nth step (steps 0, N, 2N, ...); 0 turns RGB off
 * @param mcap           file layout (chunk size, compression)
 * @param clock          wall clock for the run's start time and the messages' publish times
 */
public record RunRecorderOptions(int rgbEveryNSteps, McapWriterOptions mcap, InstantSource clock) {
    public RunRecorderOptions {
        if (rgbEveryNSteps < 0) {
            throw new IllegalArgumentException("rgbEveryNSteps must be >= 0, got " + rgbEveryNSteps);
        }
        if (mcap == null || clock == null) {
            throw new IllegalArgumentException("mcap options and clock must not be null");
        }
    }

    /** RGB off, default MCAP layout, system clock. */
    public static RunRecorderOptions defaults() {
        return new RunRecorderOptions(0, McapWriterOptions.defaults(), InstantSource.system());
    }

    public RunRecorderOptions withRgbEvery(int n) {
        return new RunRecorderOptions(n, mcap, clock);
    }

    public RunRecorderOptions withMcap(McapWriterOptions options) {
        return new RunRecorderOptions(rgbEveryNSteps, options, clock);
    }

    public RunRecorderOptions withClock(InstantSource c) {
        return new RunRecorderOptions(rgbEveryNSteps, mcap, c);
    }
}
