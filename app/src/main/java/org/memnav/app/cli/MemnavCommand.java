package org.memnav.app.cli;

import org.memnav.app.session.RunSettings;
import org.memnav.app.ui.WorkbenchWindow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code memnav}: with no subcommand, opens the workbench window on a live run. */
@Command(name = "memnav", mixinStandardHelpOptions = true, version = "MemNav Workbench 0.1.0",
        description = "Workbench for memory in embodied navigation agents. With no subcommand, opens the window "
                + "on a live lifelong-navigation run in the embedded simulator.",
        footer = {"", "Launcher commands (handled by the ./memnav script):",
                "  test   run every test headless (./memnav test --help)"},
        subcommands = {RunCommand.class, BenchCommand.class, DatasetCommand.class, EvalCommand.class, SceneCommand.class, ServeSimCommand.class, RecordingCommand.class})
public final class MemnavCommand implements Callable<Integer> {

    @Option(names = "--episodes", description = "Episodes to run one after another (default: ${DEFAULT-VALUE}).")
    int episodes = 3;

    @Mixin
    RunOptions run;

    @Option(names = "--open", paramLabel = "FILE.mcap", description = "Open a run recording (from 'memnav run --out FILE.mcap') instead of starting a live run.")
    Path open;

    @Option(names = "--compare", paramLabel = "B.mcap", description = "With --open: a second recording to compare with (both "
            + "paths on the map, one playhead, per-subtask diff table).")
    Path compare;

    @Option(names = "--screenshot", paramLabel = "FILE", description = "Save a PNG of the window and close it (for docs and checks).")
    Path screenshot;

    @Option(names = "--screenshot-after-steps", paramLabel = "N", description = "Steps to run before --screenshot (default: ${DEFAULT-VALUE}).")
    int screenshotAfterSteps = 200;

    @Option(names = "--tab", paramLabel = "TITLE", description = "Lower tab to show at start, by title: Decision, "
            + "\"Memory inspector\", 3D, Compression, Metrics, What-if, Compare.")
    String tab;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MemnavCommand());
        cl.getSubcommands().get("eval").getCommandSpec().usageMessage().footer(EvalCommand.armsHelp());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String reason = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            cmd.getErr().println("memnav: " + reason.lines().findFirst().orElse(reason));
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        String display = System.getenv("DISPLAY");
        if ((display == null || display.isBlank()) && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("no display to open the workbench window on (DISPLAY is unset); "
                    + "use './memnav run --headless' or run under a virtual display: xvfb-run -a ./memnav");
        }
        if (open != null && !java.nio.file.Files.isRegularFile(open)) {
            throw new IllegalArgumentException("--open: no recording at " + open);
        }
        if (compare != null && open == null) {
            throw new IllegalArgumentException("--compare needs --open A.mcap: a comparison lines up two recordings");
        }
        if (compare != null && !java.nio.file.Files.isRegularFile(compare)) {
            throw new IllegalArgumentException("--compare: no recording at " + compare);
        }
        RunSettings settings = run.toSettings(episodes, null);
        WorkbenchWindow.Screenshot shot = screenshot == null ? null : new WorkbenchWindow.Screenshot(screenshot, screenshotAfterSteps);
        return WorkbenchWindow.runUntilClosed(settings, open, compare, shot, tab);
    }
}
