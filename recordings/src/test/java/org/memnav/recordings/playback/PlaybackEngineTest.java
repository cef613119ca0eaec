package org.memnav.recordings.playback;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.RunTopics;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapChunkIndex;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.query.EpisodeSource;
import org.memnav.recordings.query.FileEpisodeSource;
import org.memnav.recordings.query.LiveEpisodeSource;
import org.memnav.simbridge.api.Pose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.memnav.recordings.TestRecordings.SHAPE;
import static org.memnav.recordings.TestRecordings.options;
import static org.memnav.recordings.TestRecordings.record;

/**
 * The playback state machine driven by a test clock: seeks by step and time, play at a speed, the end of the
 * recording with and without loop, stepping, collapsed scrubbing, following a live run, and damaged data.
 */
class PlaybackEngineTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final SnapshotQueue snapshots = new SnapshotQueue();
    private Path file;

    @BeforeEach
    void recordRun() throws IOException {
        file = record(dir.resolve("run.mcap"), SHAPE);
    }

    private PlaybackOptions testClock() {
        return PlaybackOptions.defaults().withClock(clock::get);
    }

    private static Pose pose(PlaybackSnapshot s, EpisodeSource source) throws IOException {
        return source.decoder().orElseThrow().pose(s.latest(RunTopics.POSE).orElseThrow().message()).pose();
    }

    @Test
    void seeksByStepAndTimeShowEveryChannelAtThatMoment() throws IOException {
        try (FileEpisodeSource source = FileEpisodeSource.open(file);
             PlaybackEngine engine = new PlaybackEngine(source, snapshots, testClock())) {
            PlaybackSnapshot first = snapshots.await("the initial snapshot", s -> s.version() == 1);
            assertThat(first.state()).isEqualTo(PlaybackState.IDLE);
            assertThat(first.step()).isZero();
            assertThat(first.latest()).containsKeys(RunTopics.CONFIG, RunTopics.POSE, RunTopics.RGB, RunTopics.DEPTH);
            assertThat(first.latest()).doesNotContainKey(RunTopics.ACTION); // the first action is at step 1

            engine.seekToStep(327);
            snapshots.await("seeking", s -> s.state() == PlaybackState.SEEKING);
            PlaybackSnapshot at = snapshots.await("step 327", s -> s.state() == PlaybackState.IDLE && s.step() == 327);
            assertThat(pose(at, source)).isEqualTo(SyntheticRun.pose(42, 327));
            assertThat(at.latest(RunTopics.RGB).orElseThrow().step()).isEqualTo(320);
            assertThat(at.latest(RunTopics.DECISION).orElseThrow().step()).isEqualTo(315);
            assertThat(at.latest(RunTopics.ENCODER_TOKENS).orElseThrow().step()).isEqualTo(315);
            assertThat(at.cache().budgetBytes()).isEqualTo(256L * 1024 * 1024);
            assertThat(at.cache().usedBytes()).isPositive().isLessThanOrEqualTo(at.cache().budgetBytes());

            engine.seekTo(source.timeline().logTimeOf(100) + 50_000_000L);
            assertThat(snapshots.await("step 100", s -> s.state() == PlaybackState.IDLE && s.step() == 100).timeNs())
                    .isEqualTo(source.timeline().logTimeOf(100) + 50_000_000L);
            engine.seekTo(Long.MAX_VALUE / 2);
            assertThat(snapshots.await("the end", s -> s.state() == PlaybackState.IDLE && s.step() == 599).timeNs())
                    .isEqualTo(source.timeRange().orElseThrow().endNs());

            engine.step(-2);
            snapshots.await("step 597", s -> s.state() == PlaybackState.IDLE && s.step() == 597);
            engine.step(1);
            snapshots.await("step 598", s -> s.state() == PlaybackState.IDLE && s.step() == 598);
        }
    }

    @Test
    void playingAdvancesWithTheClockTimesTheSpeedAndStopsOrLoopsAtTheEnd() throws IOException {
        try (FileEpisodeSource source = FileEpisodeSource.open(file);
             PlaybackEngine engine = new PlaybackEngine(source, snapshots, testClock())) {
            engine.seekToStep(100);
            snapshots.await("step 100", s -> s.state() == PlaybackState.IDLE && s.step() == 100);
            engine.setSpeed(2);
            snapshots.await("speed 2", s -> s.speed() == 2);
            engine.play();
            snapshots.await("playing", s -> s.state() == PlaybackState.PLAYING);
            clock.addAndGet(SECOND); // one second at 2x: 20 steps of 100 ms
            PlaybackSnapshot later = snapshots.await("step 120", s -> s.state() == PlaybackState.PLAYING && s.step() == 120);
            assertThat(pose(later, source)).isEqualTo(SyntheticRun.pose(42, 120));
            assertThat(snapshots.seen()).as("time stands still while the clock does")
                    .allSatisfy(s -> assertThat(s.step()).isIn(0, 100, 120));

            engine.pause();
            snapshots.await("paused", s -> s.state() == PlaybackState.IDLE);
            clock.addAndGet(10 * SECOND);
            engine.setLoop(false);
            PlaybackSnapshot paused = snapshots.await("loop off", s -> !s.loop());
            assertThat(paused.step()).isEqualTo(120);

            engine.play();
            snapshots.await("playing from 120", s -> s.state() == PlaybackState.PLAYING);
            clock.addAndGet(1000 * SECOND);
            PlaybackSnapshot end = snapshots.await("the end", s -> s.state() == PlaybackState.IDLE && s.step() == 599);
            assertThat(end.timeNs()).isEqualTo(source.timeRange().orElseThrow().endNs());

            engine.setLoop(true);
            engine.play(); // at the end, play starts over
            snapshots.await("playing from the start", s -> s.state() == PlaybackState.PLAYING && s.step() == 0);
            clock.addAndGet(29 * SECOND + 900_000_000L); // 598 steps at 2x
            snapshots.await("near the end", s -> s.state() == PlaybackState.PLAYING && s.step() == 598);
            clock.addAndGet(SECOND);
            PlaybackSnapshot wrapped = snapshots.await("wrapped", s -> s.state() == PlaybackState.PLAYING && s.step() == 0);
            assertThat(wrapped.loop()).isTrue();
        }
    }

    @Test
    void aBurstOfSeeksCollapsesToTheLast() throws IOException {
        try (FileEpisodeSource source = FileEpisodeSource.open(file);
             PlaybackEngine engine = new PlaybackEngine(source, snapshots, testClock())) {
            snapshots.await("the initial snapshot", s -> s.version() == 1);
            snapshots.hold();
            engine.seekToStep(1); // its SEEKING snapshot blocks the engine while the slider keeps moving
            for (int step = 2; step <= 200; step++) {
                engine.seekToStep(step);
            }
            snapshots.open();
            snapshots.await("step 200", s -> s.state() == PlaybackState.IDLE && s.step() == 200);
            long settled = snapshots.seen().stream().filter(s -> s.state() == PlaybackState.IDLE).count();
            assertThat(settled).as("idle snapshots: the first, step 1 and step 200 at most").isLessThanOrEqualTo(3);
        }
    }

    @Test
    void followsALiveRunAndStopsWhenItEnds() throws IOException {
        Path live = dir.resolve("live.mcap");
        SyntheticRun run = new SyntheticRun(SHAPE);
        try (RunRecorder recorder = RunRecorder.create(live, run.config(), options());
             LiveEpisodeSource source = LiveEpisodeSource.open(recorder);
             PlaybackEngine engine = new PlaybackEngine(source, snapshots, testClock())) {
            for (int step = 0; step < 50; step++) {
                run.record(recorder, step);
            }
            engine.followLive();
            snapshots.await("following at step 49", s -> s.state() == PlaybackState.FOLLOWING_LIVE && s.step() == 49);
            for (int step = 50; step < 300; step++) {
                run.record(recorder, step);
            }
            PlaybackSnapshot s = snapshots.await("following at step 299",
                    x -> x.state() == PlaybackState.FOLLOWING_LIVE && x.step() == 299);
            assertThat(s.live()).isTrue();
            assertThat(pose(s, source)).isEqualTo(SyntheticRun.pose(42, 299));

            engine.seekToStep(10); // looking back leaves live mode
            snapshots.await("back at step 10", x -> x.state() == PlaybackState.IDLE && x.step() == 10);
            engine.followLive();
            snapshots.await("following again", x -> x.state() == PlaybackState.FOLLOWING_LIVE && x.step() == 299);
            recorder.close();
            snapshots.await("idle once the run ended", x -> x.state() == PlaybackState.IDLE && !x.live());
        }
    }

    @Test
    void damagedDataIsReportedAndPlaybackCarriesOn() throws IOException {
        McapChunkIndex chunk;
        try (McapReader reader = McapReader.open(file)) {
            chunk = reader.chunkIndexes().get(reader.chunkIndexes().size() / 2);
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) (chunk.chunkStartOffset() + chunk.chunkLength() - 20)] ^= 0x55;
        Path damaged = dir.resolve("damaged.mcap");
        Files.write(damaged, bytes);
        try (FileEpisodeSource source = FileEpisodeSource.open(damaged);
             PlaybackEngine engine = new PlaybackEngine(source, snapshots, testClock())) {
            int inside = source.timeline().stepAt(chunk.messageStartTimeNs()) + 1;
            engine.seekToStep(inside);
            PlaybackSnapshot bad = snapshots.await("a problem", s -> s.problem() != null);
            assertThat(bad.problem()).contains(damaged.toString()).contains("chunk")
                    .contains("offset " + chunk.chunkStartOffset());
            assertThat(bad.state()).isEqualTo(PlaybackState.IDLE);
            engine.seekToStep(5);
            PlaybackSnapshot good = snapshots.await("step 5", s -> s.step() == 5 && s.state() == PlaybackState.IDLE);
            assertThat(good.problem()).isNull();
            assertThat(pose(good, source)).isEqualTo(SyntheticRun.pose(42, 5));
        }
    }

    @Test
    void rejectsWhatCannotBeDone() throws IOException {
        try (FileEpisodeSource source = FileEpisodeSource.open(file);
             PlaybackEngine engine = new PlaybackEngine(source, snapshots, testClock())) {
            assertThatThrownBy(() -> engine.setSpeed(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.setSpeed(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(engine::followLive).isInstanceOf(IllegalStateException.class).hasMessageContaining("not being recorded");
            assertThatThrownBy(() -> engine.seekToStep(-1)).isInstanceOf(IllegalArgumentException.class);
            engine.close();
            assertThatThrownBy(engine::play).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }
}
