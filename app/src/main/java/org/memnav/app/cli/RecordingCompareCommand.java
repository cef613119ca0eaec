package org.memnav.app.cli;

import org.memnav.recordings.compare.AlignedSubtask;
import org.memnav.recordings.compare.RunComparison;
import org.memnav.recordings.compare.SubtaskFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code memnav recording compare A B [C...]}: per-subtask SPL, memory writes and memory bytes side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Line up two or more run recordings by episode and subtask and print, per subtask, each run's SPL, "
                + "memory writes and memory held at the end (KB), with differences to the first run (d_*).")
public final class RecordingCompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN.mcap", arity = "2..*", description = "Recordings to compare; the first is the baseline.")
    List<Path> files;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("no such recording: " + f);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RunComparison cmp = RunComparison.open(files)) {
            int runs = cmp.runCount();
            List<String> headers = new ArrayList<>(List.of("episode", "subtask", "goal"));
            for (int i = 1; i <= runs; i++) {
                headers.addAll(List.of("spl_" + i, "writes_" + i, "mem_kb_" + i));
            }
            for (int i = 2; i <= runs; i++) {
                headers.addAll(List.of("d_spl_" + i, "d_writes_" + i, "d_mem_kb_" + i));
            }
            TextTable table = new TextTable(headers.toArray(String[]::new));
            List<Map<String, Object>> jsonRows = new ArrayList<>();
            for (AlignedSubtask row : cmp.subtasks()) {
                List<Object> cells = new ArrayList<>(List.of(row.key().episodeIndex(), row.key().subtaskIndex() + 1,
                        row.goal().description() + (row.sameGoal() ? "" : " (goals differ)")));
                List<Map<String, Object>> perRun = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    Optional<SubtaskFigures> f = row.run(i);
                    cells.add(f.filter(SubtaskFigures::ended).map(x -> f2(x.spl())).orElse("-"));
                    cells.add(f.filter(x -> x.writes() >= 0).map(x -> (Object) x.writes()).orElse("-"));
                    cells.add(f.filter(x -> x.memoryBytes() >= 0).map(x -> f1(x.memoryBytes() / 1e3)).orElse("-"));
                    perRun.add(f.map(RecordingCompareCommand::figures).orElse(null));
                }
                List<Object> splDelta = new ArrayList<>();
                List<Object> writesDelta = new ArrayList<>();
                List<Object> bytesDelta = new ArrayList<>();
                for (int i = 1; i < runs; i++) {
                    cells.add(signed(row.splDelta(i), 2));
                    cells.add(signed(row.writesDelta(i), 0));
                    cells.add(signed(row.memoryBytesDelta(i) / 1e3, 1));
                    splDelta.add(finiteOrNull(row.splDelta(i)));
                    writesDelta.add(finiteOrNull(row.writesDelta(i)));
                    bytesDelta.add(finiteOrNull(row.memoryBytesDelta(i)));
                }
                table.row(cells.toArray());
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("episode", row.key().episodeIndex());
                j.put("subtask", row.key().subtaskIndex());
                j.put("goal", row.goal().description());
                j.put("same_goal", row.sameGoal());
                j.put("runs", perRun);
                j.put("spl_delta", splDelta);
                j.put("writes_delta", writesDelta);
                j.put("memory_bytes_delta", bytesDelta);
                jsonRows.add(j);
            }
            out.print(table.render());
            out.println();
            TextTable totals = new TextTable("run", "file", "subtasks", "ended", "sr", "spl", "writes", "final_mem_kb", "steps");
            List<Map<String, Object>> jsonRuns = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                RunComparison.RunTotals t = cmp.totals(i);
                totals.row(i + 1, files.get(i), t.subtasks(), t.ended(), f2(t.successRate()), f2(t.meanSpl()),
                        t.writes() < 0 ? "-" : t.writes(), t.finalMemoryBytes() < 0 ? "-" : f1(t.finalMemoryBytes() / 1e3),
                        t.lastStep() + 1);
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("file", files.get(i).toString());
                j.put("subtasks", t.subtasks());
                j.put("ended", t.ended());
                j.put("sr", finiteOrNull(t.successRate()));
                j.put("spl", finiteOrNull(t.meanSpl()));
                j.put("writes", t.writes() < 0 ? null : t.writes());
                j.put("final_memory_bytes", t.finalMemoryBytes() < 0 ? null : t.finalMemoryBytes());
                j.put("peak_memory_bytes", t.peakMemoryBytes() < 0 ? null : t.peakMemoryBytes());
                j.put("steps", t.lastStep() + 1);
                jsonRuns.add(j);
            }
            out.print(totals.render());
            if (json) {
                new JsonReport().put("runs", jsonRuns).put("subtasks", jsonRows).printTo(out);
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> figures(SubtaskFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start_step", f.startStep());
        m.put("end_step", f.ended() ? f.endStep() : null);
        m.put("success", f.ended() ? f.success() : null);
        m.put("spl", f.ended() ? finiteOrNull(f.spl()) : null);
        m.put("actions", f.actions());
        m.put("writes", f.writes() < 0 ? null : f.writes());
        m.put("memory_bytes", f.memoryBytes() < 0 ? null : f.memoryBytes());
        m.put("peak_memory_bytes", f.peakMemoryBytes() < 0 ? null : f.peakMemoryBytes());
        return m;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String signed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+." + decimals + "f", v) : "-";
    }

    private static String f2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "-";
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
