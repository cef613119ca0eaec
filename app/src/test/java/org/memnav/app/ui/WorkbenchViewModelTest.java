package org.memnav.app.ui;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.replay.Counterfactual;
import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RunSettings;
import org.memnav.scenes.sim.SceneRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The view-model without any window: a real short live run and a real recording, everything on the caller's thread. */
class WorkbenchViewModelTest {

    @TempDir
    static Path dir;
    static Path recording;

    @BeforeAll
    static void record() {
        recording = RecordedRunFixture.record(dir, 90);
    }

    @Test
    void aRunFillsTheMapFrameAndStatusLine() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        List<Integer> seenSteps = new ArrayList<>();
        vm.stepProperty().addListener((o, a, b) -> seenSteps.add(b.intValue()));

        vm.start(new RunSettings(null, SceneRef.DEFAULT, 7, 1, 1, 20, ProjectPaths.defaultEncoderManifest(), null));

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(seenSteps).isNotEmpty();
        assertThat(vm.stepProperty().get()).isGreaterThan(12).isEqualTo(vm.lastStepProperty().get()); // followed live to the end
        assertThat(vm.trajectoryPointsProperty().get()).isEqualTo(vm.stepProperty().get() + 1);
        assertThat(vm.map()).isNotNull();
        assertThat(vm.snapshotProperty().get().frame().width()).isEqualTo(256);
        assertThat(vm.statusLineProperty().get()).contains("step " + vm.stepProperty().get()).contains("subtask 1/1");
        assertThat(vm.titleProperty().get()).contains("apartment-7");
    }

    @Test
    void theWhatIfSlidersRetuneALiveAstranavRunFromItsNextStep() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        boolean[] asked = new boolean[1];
        vm.lastStepProperty().addListener((o, a, b) -> {
            if (!asked[0] && b.intValue() > 0) {
                asked[0] = true;
                vm.requestWhatIf(16, 4); // the slider moved while the run plays (runs here, on the run's thread)
            }
            if (vm.liveSettingsNoteProperty().get().contains("applied from step") && b.intValue() > 40) {
                vm.stop();
            }
        });

        vm.start(new RunSettings(null, SceneRef.DEFAULT, 7, 1, 1, 20, ProjectPaths.defaultEncoderManifest(), null,
                org.memnav.inference.arms.AgentArms.ASTRANAV, 16));

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.liveSettingsNoteProperty().get()).matches("live run: rate 16x, memory 4 applied from step \\d+");
        int from = Integer.parseInt(vm.liveSettingsNoteProperty().get().replaceAll(".* step ", ""));
        var history = vm.loadedRun().orElseThrow().history();
        int last = history.lastStep();
        assertThat(last).isGreaterThan(from);
        for (int s = from; s <= last; s++) {
            assertThat(history.momentAt(s).memory().size()).as("frames at step %d", s).isLessThanOrEqualTo(4);
        }
        assertThat(history.momentAt(last).memory().size()).isEqualTo(4);
    }

    @Test
    void aFailingRunReportsItsReason() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.start(new RunSettings(null, "no-such-scene.json", 7, 1, 1, 20, ProjectPaths.defaultEncoderManifest(), null));
        assertThat(vm.errorProperty().get()).contains("no-such-scene.json");
        assertThat(vm.statusLineProperty().get()).startsWith("run failed");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void scrubbingARecordingMovesEveryPanelToThatStep() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.open(recording);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.recordingProperty().get()).isTrue();
        assertThat(vm.lastStepProperty().get()).isGreaterThanOrEqualTo(89);
        assertThat(vm.titleProperty().get()).contains("astranav-seed7.mcap");

        vm.seek(5);
        MomentSnapshot early = vm.snapshotProperty().get();
        vm.seek(80);
        MomentSnapshot late = vm.snapshotProperty().get();

        assertThat(early.moment().step()).isEqualTo(5);
        assertThat(late.moment().step()).isEqualTo(80);
        assertThat(vm.stepProperty().get()).isEqualTo(80);
        assertThat(late.moment().pose()).isNotEqualTo(early.moment().pose());
        assertThat(late.map().pixels()).isNotEqualTo(early.map().pixels());
        assertThat(late.frameNote()).contains("step 80");                       // RGB every 10 steps
        assertThat(late.moment().memory().size()).isGreaterThan(early.moment().memory().size());
        assertThat(late.moment().decision()).isNotNull();
        assertThat(late.thumbnails()).isNotEmpty();                              // spin frames at steps 0, 3, ... where RGB was kept
        assertThat(late.missingChannels()).containsKey(FrameChannel.SEMANTIC).doesNotContainKey(FrameChannel.RGB);
        assertThat(vm.writeTicksProperty().get()).isNotEmpty();
        assertThat(vm.subtaskMarkersProperty().get()).contains(0);
        assertThat(vm.statusLineProperty().get()).contains("step 80 /");

        vm.channelProperty().set(FrameChannel.DEPTH);
        assertThat(vm.snapshotProperty().get().frameNote()).startsWith("Depth frame of step 80");
    }

    @Test
    void theMapShowsTheCurrentGoalsViewPoints() throws Exception {
        try (org.memnav.app.replay.LoadedRun run = org.memnav.app.replay.LoadedRun.open(recording)) {
            var moment = run.history().momentAt(40);
            assertThat(moment.goal()).isNotNull();
            var mapper = new org.memnav.app.replay.MomentMap(run.history().layout(), 2);
            List<int[]> cells = mapper.goalViewPoints(moment.goal());
            var nav = run.history().layout().navigability();
            var goalObjects = mapper.goalObjects(moment.goal());
            assertThat(cells).isNotEmpty();
            for (int[] c : cells) {   // navigable and within the scenes module's 1 m of a goal object's footprint
                assertThat(nav.navigable(c[0], c[1])).isTrue();
                double x = nav.xOf(c[0]);
                double z = nav.zOf(c[1]);
                assertThat(goalObjects).anySatisfy(o -> assertThat(Math.hypot(
                        Math.max(Math.abs(x - o.center().x()) - o.size().x() / 2, 0),
                        Math.max(Math.abs(z - o.center().z()) - o.size().z() / 2, 0))).isLessThanOrEqualTo(1.0));
            }
            var image = mapper.render(run.history(), moment);
            long tinted = cells.stream().filter(c -> {
                int argb = image.pixel(c[0] * 2, c[1] * 2);
                return (argb >> 8 & 0xFF) > (argb >> 16 & 0xFF) + 20; // green over the grey floor
            }).count();
            assertThat(tinted).isGreaterThan(cells.size() / 2);
        }
    }

    @Test
    void comparingTwoRunsDrawsBothOnOneMapAndDiffsTheirSubtasks() {
        Path other = RecordedRunFixture.record(dir, 60, 64, 5, "astranav-seed7-rate64.mcap");
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.open(recording);
        vm.seek(50);
        int[] alone = vm.map().pixels().clone();

        vm.compareWith(other);

        assertThat(vm.errorProperty().get()).isEmpty();
        var table = vm.comparisonProperty().get();
        assertThat(table).isNotNull();
        assertThat(table.sameScene()).isTrue();
        assertThat(table.runA()).contains("astranav-seed7.mcap");
        assertThat(table.runB()).contains("astranav-seed7-rate64.mcap");
        assertThat(table.rows()).isNotEmpty();
        var first = table.rows().getFirst();
        assertThat(first.a().reached()).isTrue();
        assertThat(first.b().reached()).isTrue();
        assertThat(first.sameGoal()).isTrue();                       // same scene seed: same episode, same goals
        assertThat(table.totalsA().steps()).isGreaterThan(table.totalsB().steps()); // 90 vs 60 steps recorded
        // One playhead: both runs at step 50, B's path drawn in its own colour over A's map.
        MomentSnapshot s = vm.snapshotProperty().get();
        assertThat(s.moment().step()).isEqualTo(50);
        assertThat(s.comparedMoment().step()).isEqualTo(50);
        assertThat(vm.map().pixels()).isNotEqualTo(alone).contains(org.memnav.app.replay.MomentMap.COMPARED_RUN_ARGB);
        assertThat(vm.comparedDescriptionProperty().get()).contains("rate 64x").contains("memory 5 frames");
        // Past B's end the second run stays at its last step.
        vm.seek(85);
        assertThat(vm.snapshotProperty().get().comparedMoment().step()).isEqualTo(table.totalsB().steps() - 1);
        assertThat(vm.statusLineProperty().get()).contains("B: step " + (table.totalsB().steps() - 1));
    }

    @Test
    void comparingWithoutARecordingSaysWhy() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.compareWith(recording);
        assertThat(vm.errorProperty().get()).contains("open a recording first");
        assertThat(vm.comparisonProperty().get()).isNull();
    }

    @Test
    void exportsWriteWhereAsked() throws Exception {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.open(recording);
        Path csv = dir.resolve("exports/metrics.csv");
        Path html = dir.resolve("exports/report.html");
        Path png = dir.resolve("exports/map.png");
        vm.exportMetricsCsv(csv);
        assertThat(vm.lastExportProperty().get()).isEqualTo(csv);
        vm.exportReport(html);
        vm.savePng(vm.map(), png);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(java.nio.file.Files.readAllLines(csv).getFirst()).isEqualTo(org.memnav.app.replay.MetricsCsv.HEADER);
        assertThat(java.nio.file.Files.readString(html)).contains("astranav-seed7.mcap").contains("data:image/png;base64,");
        var read = javax.imageio.ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(vm.map().width());
        assertThat(vm.statusLineProperty().get()).contains("saved PNG to " + png);

        vm.exportReport(dir); // a folder is no file
        assertThat(vm.errorProperty().get()).startsWith("cannot save episode report to " + dir);
    }

    @Test
    void clickingAPatchGivesAHeatmapPeakingThere() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.open(recording);
        vm.seek(60);
        vm.selectPatch(4, 12);
        MomentSnapshot s = vm.snapshotProperty().get();
        assertThat(s.heatmap()).isNotNull();
        assertThat(s.heatmapMax()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(s.heatmapNote()).contains("patch (4, 12)");
    }

    @Test
    void whatIfReRunsThePolicyWithTheChosenMemory() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.open(recording);
        vm.seek(vm.lastStepProperty().get());

        vm.requestWhatIf(16, 1);
        Counterfactual one = vm.counterfactualProperty().get();
        vm.requestWhatIf(64, 50);
        Counterfactual many = vm.counterfactualProperty().get();

        assertThat(one.available()).as(one.reason()).isTrue();
        assertThat(one.framesUsed()).isEqualTo(1);
        assertThat(one.tokens()).isEqualTo(16);                                    // 256 patches / 16
        assertThat(many.framesUsed()).isGreaterThan(1);
        assertThat(many.tokens()).isEqualTo(4L * many.framesUsed());              // 256 / 64 per frame
        assertThat(many.candidates().size() - many.framesUsed()).isEqualTo(one.candidates().size() - 1); // same frontiers
        assertThat(many.decisionStep()).isEqualTo(one.decisionStep()).isEqualTo(vm.snapshotProperty().get().moment().decision().step());
    }

    @Test
    void rerunFromHereRepeatsTheRecordingUpToThePlayheadThenOpensAsComparison() throws Exception {
        Path longer = RecordedRunFixture.record(dir, 120, 16, 20, "astranav-seed7-120.mcap");
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.open(longer);
        vm.seek(60);
        assertThat(vm.stepProperty().get()).isEqualTo(60);

        vm.rerunFromHere(64, 10, 30);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.rerunningProperty().get()).isFalse();
        Path rerun = vm.rerunFileProperty().get();
        assertThat(rerun.getFileName().toString()).isEqualTo("astranav-seed7-120-rerun-r64-L10-from-60.mcap");
        List<org.memnav.recordings.PoseSample> original;
        List<org.memnav.recordings.PoseSample> again;
        org.memnav.recordings.RunConfig config;
        try (var a = org.memnav.recordings.RunRecording.open(longer); var b = org.memnav.recordings.RunRecording.open(rerun)) {
            original = a.poses();
            again = b.poses();
            config = b.config();
        }
        // Same seed, same actions: the embedded simulator gives the same poses up to the playhead, exactly.
        for (int s = 0; s <= 60; s++) {
            assertThat(again.get(s).step()).isEqualTo(s);
            assertThat(again.get(s).pose()).as("pose at step %d", s).isEqualTo(original.get(s).pose());
        }
        assertThat(again.getLast().step()).isGreaterThan(60).isLessThanOrEqualTo(90); // on its own after 60, capped at 30 more
        assertThat(config.compressionRate()).isEqualTo(64);
        assertThat(config.memoryLength()).isEqualTo(10);
        // Opened as comparison B on the same playhead.
        var table = vm.comparisonProperty().get();
        assertThat(table).isNotNull();
        assertThat(table.runB()).contains("rerun-r64-L10-from-60");
        assertThat(vm.comparedDescriptionProperty().get()).contains("rate 64x").contains("memory 10 frames");
        assertThat(vm.snapshotProperty().get().comparedMoment().step()).isEqualTo(60);
    }

    @Test
    void rerunWithoutARecordingSaysWhy() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.rerunFromHere(16, 20);
        assertThat(vm.errorProperty().get()).contains("open a recording first");
        assertThat(vm.rerunFileProperty().get()).isNull();
    }
}
