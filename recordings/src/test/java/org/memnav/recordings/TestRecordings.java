package org.memnav.recordings;

import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapWriterOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

/** Small synthetic run recordings with every channel, shared by the query, playback and comparison tests. */
public final class TestRecordings {
    public static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    public static final long START_NS = START.getEpochSecond() * 1_000_000_000L;
    /** 600 steps, 32x24 frames every 10 steps, 16x8 tokens every 15, subtasks of 200 steps, 5 memory frames, seed 42. */
    public static final SyntheticRun.Shape SHAPE = new SyntheticRun.Shape(600, 32, 24, 16, 8, 10, 15, 200, 5, 42);

    private TestRecordings() {
    }

    /** RGB and depth every 10 steps, a fixed clock, 16 KiB chunks (so even small runs have many). */
    public static RunRecorderOptions options() {
        return RunRecorderOptions.defaults().withRgbEvery(10).withDepthEvery(10).withClock(InstantSource.fixed(START))
                .withMcap(McapWriterOptions.defaults().withChunkSize(16 * 1024));
    }

    public static Path record(Path file, SyntheticRun.Shape shape) throws IOException {
        SyntheticRun run = new SyntheticRun(shape);
        try (RunRecorder recorder = RunRecorder.create(file, run.config(), options())) {
            run.recordAll(recorder);
        }
        return file;
    }
}
