package org.memnav.recordings.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.recordings.PoseSample;
import org.memnav.recordings.RunMessageDecoder;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.RunTopics;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.CacheStats;
import org.memnav.recordings.mcap.McapWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memnav.recordings.TestRecordings.SHAPE;
import static org.memnav.recordings.TestRecordings.START_NS;
import static org.memnav.recordings.TestRecordings.options;
import static org.memnav.recordings.TestRecordings.record;

/** File and live episode sources answer latest-at and range per channel, on the run's step clock. */
class EpisodeSourceTest {
    @TempDir
    Path dir;

    @Test
    void aFileSourceAnswersPerChannelOnTheStepClock() throws IOException {
        Path file = record(dir.resolve("run.mcap"), SHAPE);
        try (FileEpisodeSource source = FileEpisodeSource.open(file)) {
            assertThat(source.isLive()).isFalse();
            assertThat(source.channels()).extracting(ChannelInfo::topic).containsExactlyInAnyOrderElementsOf(RunTopics.ALL);
            assertThat(source.channels()).filteredOn(c -> c.topic().equals(RunTopics.DEPTH)).singleElement()
                    .satisfies(c -> assertThat(c.schemaName()).isEqualTo("foxglove.RawImage"));
            assertThat(source.timeline().startTimeNs()).isEqualTo(START_NS);
            assertThat(source.timeRange()).hasValue(new TimeRange(START_NS, START_NS + 599 * 100_000_000L));
            RunMessageDecoder decoder = source.decoder().orElseThrow();

            Sample pose = source.latestAtStep(RunTopics.POSE, 321).orElseThrow();
            assertThat(pose.step()).isEqualTo(321);
            PoseSample decoded = decoder.pose(pose.message());
            assertThat(decoded.pose()).isEqualTo(SyntheticRun.pose(42, 321));
            // Between steps, and for sparse channels, latest-at is the last message before.
            assertThat(source.latestAt(RunTopics.POSE, source.timeline().logTimeOf(321) + 99_999_999L).orElseThrow().step()).isEqualTo(321);
            assertThat(source.latestAtStep(RunTopics.RGB, 327).orElseThrow().step()).isEqualTo(320);
            assertThat(source.latestAtStep(RunTopics.DECISION, 327).orElseThrow().step()).isEqualTo(315);
            assertThat(source.latestAtStep(RunTopics.CONFIG, 599).orElseThrow().step()).isZero();
            assertThat(source.latestAt(RunTopics.POSE, START_NS - 1)).isEmpty();

            List<Sample> window = source.range(RunTopics.POSE, source.timeline().logTimeOf(100), source.timeline().logTimeOf(110));
            assertThat(window).extracting(Sample::step).containsExactly(100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110);
            assertThat(source.logTimes(RunTopics.DEPTH, 0, -1L)).hasSize(60).first().isEqualTo(START_NS);

            byte[] bytes = pose.data();
            bytes[0] ^= 1;
            assertThat(pose.data()[0]).as("samples are immutable").isNotEqualTo(bytes[0]);
            assertThat(source.cacheStats().budgetBytes()).isEqualTo(CacheStats.DEFAULT_BUDGET_BYTES);
        }
    }

    @Test
    void aPlainMcapFileGetsADefaultStepClock() throws IOException {
        Path file = dir.resolve("plain.mcap");
        try (McapWriter w = McapWriter.open(file)) {
            int ch = w.addChannel(0, "/x", "x-raw", Map.of());
            for (int i = 0; i < 10; i++) {
                w.write(ch, i, 5_000_000_000L + i * 100_000_000L, 0, new byte[] {(byte) i});
            }
        }
        try (FileEpisodeSource source = FileEpisodeSource.open(file)) {
            assertThat(source.decoder()).isEmpty();
            assertThat(source.timeline().startTimeNs()).isEqualTo(5_000_000_000L);
            assertThat(source.latestAtStep("/x", 7).orElseThrow().data()).containsExactly(7);
        }
    }

    @Test
    void aLiveSourceSeesEachStepAsItIsRecorded() throws IOException {
        Path file = dir.resolve("live.mcap");
        SyntheticRun run = new SyntheticRun(SHAPE);
        try (RunRecorder recorder = RunRecorder.create(file, run.config(), options());
             LiveEpisodeSource live = LiveEpisodeSource.open(recorder)) {
            assertThat(live.isLive()).isTrue();
            assertThat(live.decoder().orElseThrow().config().memoryLength()).isEqualTo(5);
            for (int step = 0; step < 600; step++) {
                run.record(recorder, step);
                if (step % 37 == 0 || step == 599) {
                    long now = live.timeline().logTimeOf(step);
                    assertThat(live.timeRange().orElseThrow().endNs()).isEqualTo(now);
                    Sample newest = live.latestAt(RunTopics.POSE, Long.MAX_VALUE).orElseThrow();
                    assertThat(newest.step()).isEqualTo(step);
                    assertThat(live.decoder().orElseThrow().pose(newest.message()).pose()).isEqualTo(SyntheticRun.pose(42, step));
                    assertThat(live.range(RunTopics.POSE, 0, -1L)).hasSize(step + 1);
                    if (step > 0) {
                        assertThat(live.latestAt(RunTopics.ACTION, now).orElseThrow().step()).isEqualTo(step);
                    }
                }
            }
            recorder.close();
            assertThat(live.isLive()).isFalse();
            assertThat(live.range(RunTopics.MEMORY_OPS, 0, -1L)).hasSize(40 + 35);
            assertThat(live.messageCount()).isGreaterThan(600 * 2);
        }
        try (FileEpisodeSource file2 = FileEpisodeSource.open(file)) {
            assertThat(file2.range(RunTopics.POSE, 0, -1L)).hasSize(600);
        }
    }
}
