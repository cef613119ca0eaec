package org.memnav.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code memnav bench}: the benchmarks, kept out of the test suite; each prints a table and, with --json, a JSON line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (not part of ./memnav test). Each prints a table; --json adds one JSON line.",
        subcommands = {BenchSimCommand.class, BenchBridgeCommand.class, BenchRecordingsCommand.class, BenchPipelineCommand.class,
                BenchUiCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a benchmark: " + String.join(", ", spec.subcommands().keySet()));
    }
}
