package org.memnav.app.replay;

import org.memnav.recordings.compare.AlignedSubtask;
import org.memnav.recordings.compare.RunComparison;
import org.memnav.recordings.compare.SubtaskFigures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two recorded runs side by side, as the workbench's comparison table shows them: per (episode, subtask) each
 * run's success, SPL, memory writes and memory bytes and B − A, and one totals row per run. Built from
 * {@link RunComparison} (run 0 = A, the baseline); NaN / -1 where a run did not reach or end a subtask.
 */
public record ComparisonTable(String runA, String runB, boolean sameScene, List<Row> rows, Totals totalsA, Totals totalsB) {

    public ComparisonTable {
        rows = List.copyOf(rows);
    }

    /** One run's figures for one subtask; {@code reached} false where the run never got to it. */
    public record Side(boolean reached, boolean ended, boolean success, double spl, long writes, long memoryBytes) {
        static Side of(Optional<SubtaskFigures> f) {
            return f.map(x -> new Side(true, x.ended(), x.ended() && x.success(), x.ended() ? x.spl() : Double.NaN, x.writes(),
                    x.memoryBytes())).orElse(new Side(false, false, false, Double.NaN, -1, -1));
        }
    }

    /** One subtask: A, B, and B − A (NaN where either side is unknown). {@code sameGoal} false if the runs' goals differ. */
    public record Row(int episode, int subtask, String goal, boolean sameGoal, Side a, Side b, double successDelta,
                      double splDelta, double writesDelta, double memoryBytesDelta) {
    }

    /** A run over all its subtasks. */
    public record Totals(String run, int subtasks, int ended, double successRate, double meanSpl, long writes,
                         long finalMemoryBytes, int steps) {
        static Totals of(String run, RunComparison.RunTotals t) {
            return new Totals(run, t.subtasks(), t.ended(), t.successRate(), t.meanSpl(), t.writes(), t.finalMemoryBytes(),
                    t.lastStep() + 1);
        }
    }

    public static ComparisonTable of(RunComparison cmp, String runA, String runB, boolean sameScene) {
        if (cmp.runCount() != 2) {
            throw new IllegalArgumentException("the workbench compares two runs, got " + cmp.runCount());
        }
        List<Row> rows = new ArrayList<>();
        for (AlignedSubtask s : cmp.subtasks()) {
            Side a = Side.of(s.run(0));
            Side b = Side.of(s.run(1));
            double successDelta = a.ended() && b.ended() ? (b.success() ? 1 : 0) - (a.success() ? 1 : 0) : Double.NaN;
            rows.add(new Row(s.key().episodeIndex(), s.key().subtaskIndex(), s.goal().description(), s.sameGoal(), a, b,
                    successDelta, s.splDelta(1), s.writesDelta(1), s.memoryBytesDelta(1)));
        }
        return new ComparisonTable(runA, runB, sameScene, rows, Totals.of(runA, cmp.totals(0)), Totals.of(runB, cmp.totals(1)));
    }
}
