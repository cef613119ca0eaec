package org.memnav.recordings.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.bench.SyntheticRun;
import org.memnav.recordings.mcap.McapWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.memnav.recordings.TestRecordings.SHAPE;
import static org.memnav.recordings.TestRecordings.options;
import static org.memnav.recordings.TestRecordings.record;

/** Runs line up by (episode, subtask) and by step within a subtask; diffs are against the first run. */
class RunComparisonTest {
    @TempDir
    Path dir;

    /** Same goals, but shorter subtasks (150 steps), a smaller memory (3 frames) and decisions every 10 steps. */
    private static final SyntheticRun.Shape OTHER = new SyntheticRun.Shape(450, 32, 24, 16, 8, 10, 10, 150, 3, 42);

    @Test
    void alignsSubtasksAndDiffsSplWritesAndMemoryBytes() throws IOException {
        Path a = record(dir.resolve("a.mcap"), SHAPE);
        Path b = record(dir.resolve("b.mcap"), OTHER);
        try (RunComparison cmp = RunComparison.open(List.of(a, b))) {
            assertThat(cmp.runCount()).isEqualTo(2);
            List<AlignedSubtask> rows = cmp.subtasks();
            assertThat(rows).extracting(AlignedSubtask::key)
                    .containsExactly(new SubtaskKey(0, 0), new SubtaskKey(0, 1), new SubtaskKey(0, 2));
            AlignedSubtask second = rows.get(1);
            assertThat(second.sameGoal()).isTrue();
            SubtaskFigures fa = second.run(0).orElseThrow();
            SubtaskFigures fb = second.run(1).orElseThrow();
            assertThat(fa.startStep()).isEqualTo(200);
            assertThat(fa.endStep()).isEqualTo(399);
            assertThat(fb.startStep()).isEqualTo(150);
            assertThat(fb.endStep()).isEqualTo(299);
            assertThat(fa.writes()).isEqualTo(13); // decisions at 210..390 every 15
            assertThat(fb.writes()).isEqualTo(15); // decisions at 150..290 every 10
            assertThat(second.writesDelta(1)).isEqualTo(2);
            assertThat(fa.memoryBytes()).isEqualTo(5 * 512);
            assertThat(fb.memoryBytes()).isEqualTo(3 * 512);
            assertThat(second.memoryBytesDelta(1)).isEqualTo(-2 * 512);
            SyntheticRun runA = new SyntheticRun(SHAPE);
            SyntheticRun runB = new SyntheticRun(OTHER);
            assertThat(fa.spl()).isEqualTo(runA.outcome(1, 399).spl());
            assertThat(second.splDelta(1)).isEqualTo(runB.outcome(1, 299).spl() - runA.outcome(1, 399).spl());

            // Step 250 of run a is 50 steps into subtask 1; so is step 200 of run b.
            assertThat(cmp.alignedStep(0, 250, 1)).hasValue(200);
            assertThat(cmp.alignedStep(1, 200, 0)).hasValue(250);
            // 190 steps into subtask 1 of a is past the end of b's subtask 1: clamp to its end.
            assertThat(cmp.alignedStep(0, 390, 1)).hasValue(299);

            RunComparison.RunTotals ta = cmp.totals(0);
            assertThat(ta.subtasks()).isEqualTo(3);
            assertThat(ta.ended()).isEqualTo(3);
            assertThat(ta.writes()).isEqualTo(40);
            assertThat(ta.lastStep()).isEqualTo(599);
            assertThat(cmp.totals(1).writes()).isEqualTo(45);
            assertThat(cmp.totals(1).peakMemoryBytes()).isEqualTo(3 * 512);
        }
    }

    @Test
    void aRunCutShortHasOpenSubtasksAndNoDiffThere() throws IOException {
        Path a = record(dir.resolve("a.mcap"), SHAPE);
        Path cut = dir.resolve("cut.mcap");
        SyntheticRun run = new SyntheticRun(SHAPE);
        try (RunRecorder recorder = RunRecorder.create(cut, run.config(), options())) {
            for (int step = 0; step < 300; step++) { // stops halfway through subtask 1
                run.record(recorder, step);
            }
        }
        try (RunComparison cmp = RunComparison.open(List.of(a, cut))) {
            assertThat(cmp.subtasks()).hasSize(3);
            AlignedSubtask second = cmp.subtasks().get(1);
            assertThat(second.run(1).orElseThrow().ended()).isFalse();
            assertThat(second.splDelta(1)).isNaN();
            assertThat(cmp.subtasks().get(2).run(1)).isEmpty();
            assertThat(cmp.alignedStep(0, 500, 1)).isEmpty();
            assertThat(cmp.totals(1).ended()).isEqualTo(1);
        }
    }

    @Test
    void refusesWhatCannotBeCompared() throws IOException {
        Path a = record(dir.resolve("a.mcap"), SHAPE);
        Path plain = dir.resolve("plain.mcap");
        try (McapWriter w = McapWriter.open(plain)) {
            w.write(w.addChannel(0, "/x", "x-raw", Map.of()), 0, 1, 1, new byte[] {1});
        }
        assertThatThrownBy(() -> RunComparison.open(List.of(a, plain))).isInstanceOf(IOException.class)
                .hasMessageContaining("plain.mcap").hasMessageContaining("not a MemNav run recording");
        assertThatThrownBy(() -> RunComparison.open(List.of(a))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two");
    }
}
