package org.memnav.app.cli;

import org.memnav.app.replay.EpisodeReport;
import org.memnav.app.replay.LoadedRun;
import org.memnav.app.replay.MetricsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code memnav recording report F --out R.html}: the workbench's episode report without opening the window. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a recording's episode report as one self-contained HTML file (run configuration, totals, "
                + "the top-down map and memory plot as embedded PNGs, the per-subtask metrics table); optionally the "
                + "metrics as CSV too. The same report as the window's File ▸ Export ▸ Episode report.")
public final class RecordingReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.mcap", description = "The recording.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "REPORT.html", description = "Where to write the HTML report.")
    Path out;

    @Option(names = "--csv", paramLabel = "METRICS.csv", description = "Also write the per-subtask metrics as CSV here.")
    Path csv;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such recording: " + file);
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a folder; give the report's file name");
        }
        PrintWriter printer = spec.commandLine().getOut();
        try (LoadedRun run = LoadedRun.open(file)) {
            EpisodeReport report = EpisodeReport.of(run, file.getFileName().toString());
            report.write(out);
            var results = run.history().momentAt(run.history().lastStep()).results();
            if (csv != null) {
                MetricsCsv.write(results, csv);
            }
            TextTable table = new TextTable("output", "file", "bytes");
            table.row("html report", out, Files.size(out));
            if (csv != null) {
                table.row("metrics csv", csv, Files.size(csv));
            }
            printer.print(table.render());
            printer.printf("%d subtasks finished, %d images embedded, %d steps%n", results.size(), report.images().size(),
                    run.history().lastStep() + 1);
            if (json) {
                new JsonReport().put("report", out.toString()).put("report_bytes", Files.size(out))
                        .put("csv", csv == null ? null : csv.toString()).put("subtasks_finished", results.size())
                        .put("images", report.images().size()).put("steps", run.history().lastStep() + 1).printTo(printer);
            }
        }
        printer.flush();
        return 0;
    }
}
