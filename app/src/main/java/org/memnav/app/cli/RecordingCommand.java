package org.memnav.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code memnav recording}: look into, repair and compare MCAP run recordings. */
@Command(name = "recording", mixinStandardHelpOptions = true,
        description = "Inspect, repair, compare and report MCAP recordings (info, repair, compare, report).",
        subcommands = {RecordingInfoCommand.class, RecordingRepairCommand.class, RecordingCompareCommand.class,
                RecordingReportCommand.class})
public final class RecordingCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose one of: " + String.join(", ", spec.subcommands().keySet()));
    }
}
