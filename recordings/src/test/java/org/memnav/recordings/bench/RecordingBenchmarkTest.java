package org.memnav.recordings.bench;

import org.junit.jupiter.api.Test;
import org.memnav.recordings.RunTopics;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.recordings.RunRecording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's machinery on a tiny run (no timing is asserted: `memnav bench recordings` measures): it
 * writes a readable run of the asked size, runs the asked seeks and playback, and its reader stays within
 * the cache budget.
 */
class RecordingBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void aTinyRunGoesThroughEveryPhase() throws IOException {
        Path file = dir.resolve("bench.mcap");
        long budget = 2L * 1024 * 1024;
        RecordingBenchmark.Report r = new RecordingBenchmark(
                new RecordingBenchmark.Settings(150, 25, budget, 150, 4, 3, file), line -> { }).run();
        assertThat(r.steps()).isEqualTo(150);
        assertThat(r.seeks()).isEqualTo(25);
        assertThat(r.channels()).isEqualTo(RunTopics.ALL.size()); // every run channel, /memory/tiers included
        assertThat(r.fileBytes()).isEqualTo(Files.size(file));
        assertThat(r.rawBytes()).isGreaterThan(r.fileBytes() / 2);
        assertThat(r.seekMedianMs()).isLessThanOrEqualTo(r.seekP99Ms());
        assertThat(r.seekP99Ms()).isLessThanOrEqualTo(r.seekMaxMs());
        assertThat(r.cachePeakBytes()).isPositive().isLessThanOrEqualTo(budget);
        assertThat(r.playbackCachePeakBytes()).isLessThanOrEqualTo(budget);
        assertThat(r.playbackSteps()).isEqualTo(150);
        try (RunRecording run = RunRecording.open(file)) {
            assertThat(run.poses()).hasSize(150);
            assertThat(run.rgbSteps()).hasSize(15);
            assertThat(run.encoderTokenSteps()).hasSize(10);
        }
    }
}
