package org.memnav.recordings;

import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapWriterOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A writer process for {@link KilledWriterTest}: records a synthetic run into {@code args[0]} with 64 KiB
 * chunks and never finishes on its own, so the test can kill it at an arbitrary moment. Prints "recording"
 * once the file is created.
 */
public final class EndlessRecorderMain {
    private EndlessRecorderMain() {
    }

    public static void main(String[] args) throws IOException {
        SyntheticRun run = new SyntheticRun(KilledWriterTest.SHAPE);
        RunRecorderOptions options = RunRecorderOptions.defaults().withRgbEvery(10).withDepthEvery(10)
                .withMcap(McapWriterOptions.defaults().withChunkSize(64 * 1024));
        try (RunRecorder recorder = RunRecorder.create(Path.of(args[0]), run.config(), options)) {
            System.out.println("recording");
            System.out.flush();
            for (int step = 0; step < KilledWriterTest.SHAPE.steps(); step++) {
                run.record(recorder, step);
            }
        }
    }
}
