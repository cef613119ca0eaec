package org.memnav.app.replay;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.ui.RecordedRunFixture;
import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.MemoryTiers;
import org.memnav.recordings.RunRecording;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Memory inspector on real recordings of the memory arms (embedded simulator, shipped models, short runs): what it
 * says at a step is what the recording's operations and tier snapshots say up to that step.
 */
class MemoryInspectorTest {

    @TempDir
    static Path dir;
    static Path tiers;
    static Path tools;
    static Path gate;
    static Path trigger;

    @BeforeAll
    static void record() {
        tiers = RecordedRunFixture.record(dir, 120, "tiers", 16, 20, "tiers.mcap");
        tools = RecordedRunFixture.record(dir, 450, "tools", 16, 20, "tools.mcap"); // its first landmark comes at step 416
        gate = RecordedRunFixture.record(dir, 60, "gate", 16, 20, "gate.mcap");
        trigger = RecordedRunFixture.record(dir, 100, "trigger", 16, 20, "trigger.mcap");
    }

    @Test
    void tiersShowTheLatestSnapshotAtOrBeforeThePlayhead() throws Exception {
        List<MemoryTiers> recorded;
        try (RunRecording r = RunRecording.open(tiers)) {
            recorded = r.memoryTiers();
        }
        assertThat(recorded).hasSizeGreaterThan(5);
        try (LoadedRun run = LoadedRun.open(tiers)) {
            MemoryInspector inspector = new MemoryInspector();
            int last = run.history().lastStep();
            MemoryInspection late = inspector.inspect(run.history(), last);
            MemoryTiers newest = recorded.getLast();
            assertThat(late.arm()).isEqualTo("tiers");
            assertThat(late.tiers()).isEqualTo(newest);
            assertThat(late.sections()).extracting(MemoryInspection.Section::title)
                    .anySatisfy(t -> assertThat(t).isEqualTo("Core"))
                    .anySatisfy(t -> assertThat(t).startsWith("Episodic (" + newest.episodicFrames().size() + " frames"))
                    .anySatisfy(t -> assertThat(t).startsWith("Semantic ("));
            List<String> core = section(late, "Core").lines();
            assertThat(core.getFirst()).contains("goal " + newest.goal());
            assertThat(core).anySatisfy(l -> assertThat(l).startsWith("agent at ("));
            // The episodic tier holds what the frame memory holds (no fact keeps an evicted frame in these steps).
            assertThat(newest.episodicFrames()).extracting(MemoryTiers.EpisodicFrame::frameId)
                    .containsExactlyInAnyOrderElementsOf(run.history().momentAt(last).memory().stream()
                            .map(RememberedFrame::id).toList());
            assertThat(section(late, "Episodic").lines().getFirst()).startsWith("step " + newest.episodicFrames().getLast().step());

            // Scrubbing back picks an older snapshot, never one from after the playhead.
            MemoryTiers middle = recorded.get(recorded.size() / 2);
            MemoryInspection earlier = inspector.inspect(run.history(), middle.step());
            assertThat(earlier.tiers()).isEqualTo(middle);
            assertThat(earlier.tiers().episodicFrames().size()).isLessThanOrEqualTo(newest.episodicFrames().size());
            MemoryInspection betweenSnapshots = inspector.inspect(run.history(), recorded.get(1).step() - 1);
            assertThat(betweenSnapshots.tiers().step()).isLessThan(recorded.get(1).step());
        }
    }

    @Test
    void toolsListLandmarksFromAddUpdateDeleteAndTheShortTermWindow() throws Exception {
        try (LoadedRun run = LoadedRun.open(tools)) {
            List<MemoryOperation> ops = run.history().memoryOperations();
            MemoryOperation firstAdd = ops.stream().filter(o -> o.kind() == MemoryOperation.Kind.ADD).findFirst().orElseThrow();
            MemoryInspector inspector = new MemoryInspector();

            MemoryInspection before = inspector.inspect(run.history(), firstAdd.step() - 1);
            assertThat(before.landmarks()).isEmpty();
            assertThat(section(before, "Long-term landmarks").lines().getFirst()).startsWith("none yet");

            MemoryInspection at = inspector.inspect(run.history(), firstAdd.step());
            assertThat(at.landmarks()).hasSize(1);
            MemoryInspection.Landmark landmark = at.landmarks().getFirst();
            assertThat(firstAdd.detail()).startsWith("landmark '" + landmark.goal() + "' at (");
            assertThat(landmark.frameId()).isEqualTo(firstAdd.frameId());
            assertThat(landmark.updatedStep()).isEqualTo(firstAdd.step());
            assertThat(section(at, "Long-term landmarks").lines().getFirst()).startsWith(landmark.goal() + " → (");

            // The short-term window: its tool calls of the last steps, newest first, and the frame memory stays in bounds
            // although far more frames were written (summaries and filters take frames out).
            assertThat(at.shortTermOps()).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.kind()).isIn(MemoryOperation.Kind.WRITE, MemoryOperation.Kind.SUMMARY,
                            MemoryOperation.Kind.FILTER, MemoryOperation.Kind.RETRIEVE))
                    .allSatisfy(o -> assertThat(o.step()).isBetween(firstAdd.step() - MemoryInspector.DEFAULT_RECENT_STEPS + 1, firstAdd.step()));
            assertThat(at.shortTermOps().getFirst().step()).isGreaterThanOrEqualTo(at.shortTermOps().getLast().step());
            assertThat(at.count(MemoryOperation.Kind.WRITE)).isGreaterThan(20);
            assertThat(at.count(MemoryOperation.Kind.SUMMARY) + at.count(MemoryOperation.Kind.FILTER)).isPositive();
            assertThat(run.history().momentAt(firstAdd.step()).memory()).hasSizeLessThanOrEqualTo(20);

            // Counts are those of the recording up to the step.
            Map<MemoryOperation.Kind, Long> expected = ops.stream().filter(o -> o.step() <= firstAdd.step())
                    .collect(Collectors.groupingBy(MemoryOperation::kind, Collectors.counting()));
            expected.forEach((kind, n) -> assertThat(at.count(kind)).as(kind.wireName()).isEqualTo(n.intValue()));
        }
    }

    @Test
    void gateShowsWritesVersusSkipsAndItsMeasuredChange() throws Exception {
        try (LoadedRun run = LoadedRun.open(gate)) {
            int last = run.history().lastStep();
            MemoryInspection in = new MemoryInspector().inspect(run.history(), last);
            List<MemoryOperation> judged = run.history().memoryOperations().stream()
                    .filter(o -> o.kind() == MemoryOperation.Kind.SKIP || o.kind() == MemoryOperation.Kind.WRITE).toList();
            assertThat(in.writes().skips()).isPositive()
                    .isEqualTo((int) judged.stream().filter(o -> o.kind() == MemoryOperation.Kind.SKIP).count());
            assertThat(in.writes().writes() + in.writes().skips()).isEqualTo(judged.size());
            MemoryOperation lastJudged = judged.stream().filter(o -> o.detail().contains("tv ")).reduce((a, b) -> b).orElseThrow();
            assertThat(lastJudged.detail()).contains(String.format(java.util.Locale.ROOT, "tv %.3f", in.writes().lastChange()));
            assertThat(in.writes().meanChange()).isBetween(0.0, 1.0);
            assertThat(section(in, "Write policy").lines()).anySatisfy(l -> assertThat(l).startsWith("written " + in.writes().writes()
                    + " · skipped " + in.writes().skips()));
            // Early in the run fewer judgements were made.
            MemoryInspection early = new MemoryInspector().inspect(run.history(), judged.get(2).step());
            assertThat(early.writes().writes() + early.writes().skips()).isLessThan(judged.size());
        }
    }

    @Test
    void triggerCountsItsFiringsOfTheDecisionsSoFar() throws Exception {
        try (LoadedRun run = LoadedRun.open(trigger)) {
            List<MemoryOperation> fired = run.history().memoryOperations().stream()
                    .filter(o -> o.kind() == MemoryOperation.Kind.TRIGGER).toList();
            assertThat(fired).hasSizeGreaterThanOrEqualTo(2);
            int at = fired.get(1).step();
            MemoryInspection in = new MemoryInspector().inspect(run.history(), at);
            long decisions = run.history().decisions().stream().filter(d -> d.step() <= at).count();
            assertThat(in.trigger().fires()).isEqualTo(2);
            assertThat(in.trigger().decisions()).isEqualTo((int) decisions);
            assertThat(section(in, "Memory trigger").lines().getFirst()).startsWith("fired 2 of " + decisions + " decisions");
            assertThat(in.recentOps()).anySatisfy(o -> assertThat(o.kind()).isEqualTo(MemoryOperation.Kind.WEAVE));
            assertThat(new MemoryInspector().inspect(run.history(), at - 1).trigger().fires()).isEqualTo(1);
        }
    }

    @Test
    void theTimelineFindsTheOperationsUnderThePointer() throws Exception {
        try (LoadedRun run = LoadedRun.open(gate)) {
            List<MemoryOperation> ops = run.history().memoryOperations();
            OpTimeline timeline = new OpTimeline(ops, run.history().lastStep(), 1000, 8);
            MemoryOperation skip = ops.stream().filter(o -> o.kind() == MemoryOperation.Kind.SKIP).findFirst().orElseThrow();
            List<MemoryOperation> under = timeline.at(timeline.x(skip.step()) + 1);
            assertThat(under).contains(skip).allSatisfy(o -> assertThat(o.step()).isEqualTo(skip.step()));
            assertThat(OpTimeline.describe(skip)).startsWith("step " + skip.step() + " · skip (skip)").contains(skip.detail());
            assertThat(timeline.at(-50)).isEmpty();
            assertThat(MemoryOpFamily.of(MemoryOperation.Kind.SKIP)).isNotEqualTo(MemoryOpFamily.of(MemoryOperation.Kind.WRITE));
        }
        assertThatThrownBy(() -> new MemoryInspector(0)).hasMessageContaining("at least one step");
    }

    private static MemoryInspection.Section section(MemoryInspection in, String titlePrefix) {
        return in.sections().stream().filter(s -> s.title().startsWith(titlePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + titlePrefix + " in " + in.sections()));
    }
}
