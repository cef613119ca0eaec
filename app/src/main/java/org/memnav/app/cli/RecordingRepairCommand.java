package org.memnav.app.cli;

import org.memnav.recordings.mcap.McapRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code memnav recording repair F}: rebuild the summary of a recording cut short by a crash. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Rebuild the summary (chunk indexes, statistics, footer) of an MCAP file that was cut short, e.g. "
                + "by a crash, keeping every complete chunk. In place, bytes after the last complete record are first "
                + "saved to FILE.truncated-tail; with --out the file is left untouched. An intact file is left alone.")
public final class RecordingRepairCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.mcap", description = "The recording to repair.")
    Path file;

    @Option(names = "--out", paramLabel = "REPAIRED.mcap", description = "Write the repaired file here instead of in place.")
    Path out;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such recording: " + file);
        }
        McapRepair.Result r = out == null ? McapRepair.repair(file) : McapRepair.repairTo(file, out);
        PrintWriter stdout = spec.commandLine().getOut();
        if (r.alreadyIntact()) {
            stdout.println(file + " is intact (summary and footer present): nothing to repair; "
                    + r.chunks() + " chunks, " + r.messages() + " messages.");
        } else {
            TextTable table = new TextTable("property", "value");
            table.row("problem found", r.problem())
                    .row("repaired file", r.output())
                    .row("kept", r.keptBytes() + " of " + r.originalBytes() + " bytes")
                    .row("cut off (partial record)", r.droppedBytes() + " bytes" + (r.droppedTail() == null ? ""
                            : ", saved to " + r.droppedTail()))
                    .row("chunks / messages / channels", r.chunks() + " / " + r.messages() + " / " + r.channels())
                    .row("last chunk's message indexes", r.indexesRebuilt() ? "rebuilt" : "kept")
                    .row("repaired size", r.repairedBytes() + " bytes");
            stdout.print(table.render());
        }
        if (json) {
            new JsonReport().put("file", file.toString()).put("output", r.output().toString())
                    .put("already_intact", r.alreadyIntact()).put("problem", r.problem())
                    .put("original_bytes", r.originalBytes()).put("kept_bytes", r.keptBytes())
                    .put("dropped_bytes", r.droppedBytes())
                    .put("dropped_tail", r.droppedTail() == null ? null : r.droppedTail().toString())
                    .put("repaired_bytes", r.repairedBytes()).put("chunks", r.chunks()).put("messages", r.messages())
                    .put("channels", r.channels()).put("indexes_rebuilt", r.indexesRebuilt()).printTo(stdout);
        }
        stdout.flush();
        return 0;
    }
}
