package org.memnav.app.cli;

import org.memnav.app.ui.FrameTimes;
import org.memnav.app.ui.WorkbenchWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code memnav bench ui}: the window's frame pacing while a live run plays at full speed. Needs a display
 * (Xvfb is fine: {@code xvfb-run -a ./memnav bench ui}).
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Open the workbench on a live run at full speed and measure the window's responsiveness until the run "
                + "reaches --steps: the interval between JavaFX pulses (frames; late ones are visible stutter) and the "
                + "FX-thread time of each update the view-model posts. Needs a display (xvfb-run -a ./memnav bench ui). "
                + "Not part of ./memnav test.")
public final class BenchUiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--steps", description = "Steps of the live run to measure over (default: ${DEFAULT-VALUE}).")
    int steps = 600;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (steps < 10) {
            throw new IllegalArgumentException("--steps must be at least 10, got " + steps);
        }
        String display = System.getenv("DISPLAY");
        if ((display == null || display.isBlank()) && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("no display to open the workbench window on (DISPLAY is unset); "
                    + "run it under a virtual display: xvfb-run -a ./memnav bench ui");
        }
        WorkbenchWindow.FramePacing p = WorkbenchWindow.measureFramePacing(run.toSettings(1, null), steps);
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("measure", "count", "median ms", "p95 ms", "p99 ms", "max ms", "over 33 ms");
        row(table, "frame interval (JavaFX pulses)", p.pulseIntervals());
        row(table, "FX-thread time per view-model update", p.updateTimes());
        out.print(table.render());
        double stepsPerS = p.seconds() > 0 ? p.steps() / p.seconds() : 0;
        out.printf(Locale.ROOT, "%nlive run: agent %s, %d steps in %.1f s (%.1f steps/s) with the window drawing; %d cores%n",
                run.agent, p.steps(), p.seconds(), stepsPerS, Runtime.getRuntime().availableProcessors());
        if (json) {
            new JsonReport().put("agent", run.agent).put("steps", p.steps()).put("wall_s", p.seconds())
                    .put("steps_per_s", stepsPerS)
                    .put("frames", p.pulseIntervals().count())
                    .put("frame_interval_median_ms", p.pulseIntervals().medianMs())
                    .put("frame_interval_p95_ms", p.pulseIntervals().p95Ms())
                    .put("frame_interval_p99_ms", p.pulseIntervals().p99Ms())
                    .put("frame_interval_max_ms", p.pulseIntervals().maxMs())
                    .put("frames_over_33_ms", p.pulseIntervals().over33Ms())
                    .put("updates", p.updateTimes().count())
                    .put("update_median_ms", p.updateTimes().medianMs())
                    .put("update_p99_ms", p.updateTimes().p99Ms())
                    .put("update_max_ms", p.updateTimes().maxMs())
                    .put("cores", Runtime.getRuntime().availableProcessors())
                    .printTo(out);
        }
        out.flush();
        return 0;
    }

    private static void row(TextTable table, String what, FrameTimes t) {
        table.row(what, Integer.toString(t.count()), f(t.medianMs()), f(t.p95Ms()), f(t.p99Ms()), f(t.maxMs()),
                Integer.toString(t.over33Ms()));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
