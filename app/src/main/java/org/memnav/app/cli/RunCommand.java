package org.memnav.app.cli;

import org.memnav.app.session.NavigationRun;
import org.memnav.app.session.RecordingListener;
import org.memnav.app.session.RunContext;
import org.memnav.app.session.RunListener;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.agent.EpisodeResult;
import org.memnav.inference.agent.StepEvent;
import org.memnav.simbridge.api.SubtaskOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code memnav run}: the navigation loop without a window; a results table, optional JSON and recording. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run lifelong-navigation episodes without a window, print per-subtask results and optionally "
                + "record the run to an MCAP file.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "Run without a window (run always does; accepted for clarity).")
    boolean headless;

    @Option(names = "--episodes", description = "Number of lifelong episodes (default: ${DEFAULT-VALUE}).")
    int episodes = 1;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "FILE.mcap", description = "Record the run to this MCAP file.")
    Path out;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        RunSettings settings = run.toSettings(episodes, out);
        Progress progress = new Progress(spec.commandLine().getErr());
        RunListener listener = out == null ? progress : RunListener.all(progress, RecordingListener.open(out));
        long t0 = System.nanoTime();
        List<EpisodeResult> results = new NavigationRun(settings).execute(listener, () -> false);
        double wall = (System.nanoTime() - t0) / 1e9;

        TextTable table = new TextTable("episode", "subtask", "goal", "success", "spl", "shortest_m", "path_m", "actions");
        int goals = 0;
        int successes = 0;
        double splSum = 0;
        int steps = 0;
        for (EpisodeResult r : results) {
            for (SubtaskOutcome o : r.outcomes()) {
                table.row(r.spec().episodeId(), o.subtaskIndex() + 1, o.goal().description(), o.success() ? "yes" : "no",
                        f2(o.spl()), f2(o.shortestPathM()), f2(o.pathLengthM()), o.actions());
                successes += o.success() ? 1 : 0;
                splSum += o.spl();
            }
            goals += r.spec().goals().size();
            steps += r.steps();
        }
        double sr = goals == 0 ? 0 : successes / (double) goals;
        double spl = goals == 0 ? 0 : splSum / goals;
        stdout.print(table.render());
        stdout.printf(Locale.ROOT, "%nSR %.3f  SPL %.3f  over %d subtasks in %d episodes  |  %d steps in %.1f s (%.1f steps/s)  |  provider %s%s%n",
                sr, spl, goals, results.size(), steps, wall, steps / Math.max(wall, 1e-9), progress.provider,
                out == null ? "" : "  |  recording " + out);
        StageTotals t = progress.totals;
        stdout.printf(Locale.ROOT, "agent %s, rate %dx, memory %d frames  |  per frame: encoder %.2f ms, compressor %.2f ms  |  "
                        + "policy %.2f ms per decision (%d decisions)  |  memory %.1f KB at the end%n",
                settings.agent(), settings.rate(), settings.memoryLength(), t.encoderMsPerFrame(), t.compressorMsPerFrame(),
                t.policyMsPerDecision(), t.decisions, t.lastMemoryBytes / 1024.0);
        if (json) {
            new JsonReport().put("sr", sr).put("spl", spl).put("steps", steps).put("wall_s", wall)
                    .put("episodes", results.size()).put("subtasks", goals).put("steps_per_s", steps / Math.max(wall, 1e-9))
                    .put("execution_provider", progress.provider).put("recording", out == null ? null : out.toString())
                    .put("agent", settings.agent()).put("rate", settings.rate()).put("memory_length", settings.memoryLength())
                    .put("encoder_ms_per_frame", t.encoderMsPerFrame()).put("compressor_ms_per_frame", t.compressorMsPerFrame())
                    .put("policy_ms_per_decision", t.policyMsPerDecision()).put("decisions", t.decisions)
                    .put("memory_kb", t.lastMemoryBytes / 1024.0)
                    .printTo(stdout);
        }
        stdout.flush();
        return 0;
    }

    private static String f2(double v) {
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Inference time by pipeline stage over a run, from the steps' {@link org.memnav.inference.agent.StageLatencies}. */
    private static final class StageTotals {
        double encoderMs;
        double compressorMs;
        double policyMs;
        long frames;
        long decisions;
        long lastMemoryBytes;

        void add(StepEvent event) {
            var l = event.latency();
            if (l.encoderMs() > 0) {
                frames++;
                encoderMs += l.encoderMs();
                compressorMs += l.compressorMs();
            }
            decisions += l.policyRuns();
            policyMs += l.policyMs();
            lastMemoryBytes = event.memory().bytes();
        }

        double encoderMsPerFrame() {
            return frames == 0 ? 0 : encoderMs / frames;
        }

        double compressorMsPerFrame() {
            return frames == 0 ? 0 : compressorMs / frames;
        }

        double policyMsPerDecision() {
            return decisions == 0 ? 0 : policyMs / decisions;
        }
    }

    /** Progress on stderr, one line per finished subtask, so stdout stays a clean report. */
    private static final class Progress implements RunListener {
        private final PrintWriter err;
        private final StageTotals totals = new StageTotals();
        private String provider = "?";

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onRunStart(RunContext context) {
            provider = context.executionProvider();
            err.printf("memnav: %s on %s, agent %s, encoder %s, rate %dx (%s)%n", context.scene().sceneId(),
                    context.simulatorAddress(), context.settings().agent(), context.encoderModel(), context.settings().rate(), provider);
            err.flush();
        }

        @Override
        public void onStep(StepEvent event) {
            totals.add(event);
            SubtaskOutcome o = event.observation().status().lastOutcome();
            if (o != null) {
                err.printf(Locale.ROOT, "memnav: step %d  subtask %d/%d %-28s %s%n", event.observation().step(),
                        o.subtaskIndex() + 1, event.observation().status().subtaskCount(), o.goal().description(),
                        o.success() ? "reached" : "failed");
                err.flush();
            }
        }
    }
}
