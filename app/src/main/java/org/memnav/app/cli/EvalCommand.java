package org.memnav.app.cli;

import org.memnav.app.eval.CellResult;
import org.memnav.app.eval.EvalCell;
import org.memnav.app.eval.EvalEpisode;
import org.memnav.app.eval.EvalRunner;
import org.memnav.app.session.NavigationRun;
import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.arms.AgentArm;
import org.memnav.inference.arms.AgentArms;
import org.memnav.scenes.metrics.LifelongMetrics;
import org.memnav.scenes.sim.SceneSet;
import org.memnav.scenes.sim.SceneSets;
import org.memnav.simbridge.api.GoalModality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code memnav eval}: the learned memory agent against the memoryless frontier agent (and any other
 * registered arm) on the same lifelong episodes in HELD-OUT scenes, then optionally the sweep of
 * compression rates x memory lengths. A long command, never part of the tests.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate agent arms on the same lifelong episodes in held-out scenes (scene set 'heldout'): "
                + "SR, SPL, first-visit vs revisit SPL, policy ms per decision, memory KB; --sweep adds rates x memory "
                + "lengths. Long: minutes to hours; progress on stderr.")
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--arms", split = ",", paramLabel = "ARM",
            description = "Arms to compare, from: ${COMPLETION-CANDIDATES} (default: astranav,frontier).",
            completionCandidates = ArmNames.class)
    List<String> arms = List.of(AgentArms.ASTRANAV, AgentArms.FRONTIER);

    @Option(names = "--episodes", description = "Lifelong episodes per arm (default: ${DEFAULT-VALUE}).")
    int episodes = 30;

    @Option(names = "--episodes-per-scene", description = "Episodes in each held-out scene (default: ${DEFAULT-VALUE}).")
    int episodesPerScene = 2;

    @Option(names = "--subtasks", description = "Goals per lifelong episode (default: ${DEFAULT-VALUE}).")
    int subtasks = 5;

    @Option(names = "--first-seed", description = "Generator seed of the first held-out scene; must lie in the "
            + "held-out set's range (default: ${DEFAULT-VALUE}).")
    long firstSeed = 900_100;

    @Option(names = "--kinds", split = ",", description = "Scene kinds to alternate (default: apartment,office).")
    List<String> kinds = List.of("apartment", "office");

    @Option(names = "--rate", description = "Compression rate of the compared arms (default: ${DEFAULT-VALUE}).")
    int rate = RunSettings.DEFAULT_RATE;

    @Option(names = "--memory-length", description = "Memory length of the compared arms, frames (default: ${DEFAULT-VALUE}).")
    int memoryLength = RunSettings.DEFAULT_MEMORY_LENGTH;

    @Option(names = "--sweep", description = "Also run the learned agent at every rate x memory length.")
    boolean sweep;

    @Option(names = "--sweep-rates", split = ",", description = "Rates of the sweep (default: 1,4,16,64).")
    List<Integer> sweepRates = List.of(1, 4, 16, 64);

    @Option(names = "--sweep-lengths", split = ",", description = "Memory lengths of the sweep (default: 10,25,50,100).")
    List<Integer> sweepLengths = List.of(10, 25, 50, 100);

    @Option(names = "--sweep-episodes", description = "Episodes per sweep cell (default: the first 10 of the episodes).")
    int sweepEpisodes = 10;

    @Option(names = "--workers", description = "Episodes run in parallel, one simulator each (default: ${DEFAULT-VALUE}).")
    int workers = 2;

    @Option(names = "--json", description = "Print one JSON object with every figure as the last line.")
    boolean json;

    /** Arm names for --help. */
    static final class ArmNames extends ArrayList<String> {
        ArmNames() {
            super(AgentArms.standard().names());
        }
    }

    @Override
    public Integer call() {
        if (episodes < 1 || episodesPerScene < 1 || subtasks < 1 || workers < 1 || sweepEpisodes < 1) {
            throw new IllegalArgumentException("--episodes, --episodes-per-scene, --subtasks, --workers and "
                    + "--sweep-episodes must be >= 1");
        }
        AgentArms registry = AgentArms.standard();
        for (String arm : arms) {
            try {
                registry.get(arm);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        List<EvalEpisode> plan = heldOutEpisodes(Math.max(episodes, sweep ? sweepEpisodes : 1));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EvalRunner runner = new EvalRunner(registry, r -> NavigationRun.manifests(settingsAt(r)));
        long started = System.nanoTime();

        List<EvalCell> headlineCells = new ArrayList<>();
        for (String arm : arms) {
            AgentArm a = registry.get(arm);
            headlineCells.add(new EvalCell(arm, rate, a.usesMemory() ? memoryLength : 1));
        }
        List<CellResult> headline = runner.run(new EvalRunner.Plan(headlineCells, plan.subList(0, episodes), subtasks, workers),
                progress(err, "compare", started));
        List<CellResult> sweepResults = List.of();
        if (sweep) {
            List<EvalCell> cells = new ArrayList<>();
            for (int r : sweepRates) {
                for (int l : sweepLengths) {
                    cells.add(new EvalCell(AgentArms.ASTRANAV, r, l));
                }
            }
            sweepResults = runner.run(new EvalRunner.Plan(cells, plan.subList(0, sweepEpisodes), subtasks, workers),
                    progress(err, "sweep", started));
        }
        double wall = (System.nanoTime() - started) / 1e9;
        printReport(out, headline, sweepResults, plan, wall);
        return 0;
    }

    private RunSettings settingsAt(int r) {
        return new RunSettings(null, "unused", 0, 1, subtasks, memoryLength, ProjectPaths.defaultEncoderManifest(), null,
                AgentArms.ASTRANAV, r);
    }

    /** Held-out procedural scenes, kinds alternating, {@code episodesPerScene} episodes each. */
    private List<EvalEpisode> heldOutEpisodes(int count) {
        SceneSets sets = SceneSets.builtIn();
        SceneSet heldOut = sets.set("heldout");
        List<EvalEpisode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int scene = i / episodesPerScene;
            long seed = firstSeed + scene;
            if (!sets.isHeldOut(seed)) {
                throw new IllegalArgumentException("scene seed " + seed + " is not in the held-out set ("
                        + heldOut.firstSeed() + ".." + heldOut.lastSeed() + "); evaluation runs on held-out scenes only");
            }
            out.add(new EvalEpisode("procedural:" + kinds.get(scene % kinds.size()) + "?seed=" + seed, 1 + i % episodesPerScene));
        }
        return out;
    }

    private static EvalRunner.Progress progress(PrintWriter err, String phase, long started) {
        return (done, total, cell, result) -> {
            double elapsed = (System.nanoTime() - started) / 1e9;
            synchronized (err) {
                err.printf(Locale.ROOT, "memnav eval [%s] %d/%d episodes  %-22s %-32s SR %.2f SPL %.2f  %.0f s elapsed%n", phase,
                        done, total, cell.label(), result.spec().episodeId(), result.successRate(), result.spl(), elapsed);
                err.flush();
            }
        };
    }

    private void printReport(PrintWriter out, List<CellResult> headline, List<CellResult> sweepResults, List<EvalEpisode> plan,
                             double wall) {
        TextTable compare = new TextTable("arm", "rate", "memory", "episodes", "SR", "SPL", "first_visit_spl", "revisit_spl",
                "SR_object", "SR_description", "SR_image", "policy_ms_per_decision", "memory_kb", "kb_per_frame");
        for (CellResult c : headline) {
            LifelongMetrics m = c.metrics();
            compare.row(c.cell().arm(), c.cell().rate() + "x", c.cell().memoryLength(), c.episodes().size(), f3(m.all().successRate()),
                    f3(m.all().spl()), share(m.firstVisit()), share(m.revisit()), f3(m.modality(GoalModality.OBJECT_CATEGORY).successRate()),
                    f3(m.modality(GoalModality.LANGUAGE).successRate()), f3(m.modality(GoalModality.IMAGE).successRate()),
                    f2(c.policyMsPerDecision()), f1(c.meanMemoryKb()), f2(c.bytesPerFrame() / 1024));
        }
        out.printf("Held-out scenes (%d lifelong episodes x %d goals, %s ... %s), same episodes for every arm:%n",
                headline.get(0).episodes().size(), subtasks, plan.get(0).sceneRef(), plan.get(headline.get(0).episodes().size() - 1).sceneRef());
        out.print(compare.render());
        Map<String, Object> ratios = new LinkedHashMap<>();
        if (!sweepResults.isEmpty()) {
            TextTable table = new TextTable("rate", "memory", "episodes", "SR", "SPL", "first_visit_spl", "revisit_spl",
                    "policy_ms_per_decision", "memory_kb", "kb_per_frame");
            for (CellResult c : sweepResults) {
                LifelongMetrics m = c.metrics();
                table.row(c.cell().rate() + "x", c.cell().memoryLength(), c.episodes().size(), f3(m.all().successRate()),
                        f3(m.all().spl()), share(m.firstVisit()), share(m.revisit()), f2(c.policyMsPerDecision()),
                        f1(c.meanMemoryKb()), f2(c.bytesPerFrame() / 1024));
            }
            out.printf("%nSweep of the learned agent (%d episodes per cell): compression rate x memory length%n",
                    sweepResults.get(0).episodes().size());
            out.print(table.render());
            TextTable cost = new TextTable("memory", "rate", "policy_ms_per_decision", "speedup_vs_1x", "kb_per_frame", "bytes_ratio_vs_1x");
            for (int l : List.of(50, 100)) {
                CellResult base = find(sweepResults, 1, l);
                for (CellResult c : sweepResults) {
                    if (c.cell().memoryLength() != l || base == null) {
                        continue;
                    }
                    double speedup = base.policyMsPerDecision() / Math.max(c.policyMsPerDecision(), 1e-9);
                    double bytes = base.bytesPerFrame() / Math.max(c.bytesPerFrame(), 1e-9);
                    cost.row(l, c.cell().rate() + "x", f2(c.policyMsPerDecision()), f2(speedup), f2(c.bytesPerFrame() / 1024), f2(bytes));
                    ratios.put("policy_speedup_vs_1x_r" + c.cell().rate() + "_at_" + l, speedup);
                    ratios.put("bytes_per_frame_ratio_vs_1x_r" + c.cell().rate() + "_at_" + l, bytes);
                }
            }
            out.printf("%nPolicy time per decision and memory per frame against 1x, measured in this run:%n");
            out.print(cost.render());
        }
        out.printf(Locale.ROOT, "%n%d episodes in %.0f s on %d workers (%d CPU cores available, embedded simulator driven directly)%n",
                headline.stream().mapToInt(c -> c.episodes().size()).sum() + sweepResults.stream().mapToInt(c -> c.episodes().size()).sum(),
                wall, workers, Runtime.getRuntime().availableProcessors());
        out.flush();
        if (json) {
            JsonReport report = new JsonReport().put("episodes", headline.get(0).episodes().size()).put("subtasks", subtasks)
                    .put("first_scene", plan.get(0).sceneRef()).put("arms", headline.stream().map(EvalCommand::cellJson).toList());
            if (!sweepResults.isEmpty()) {
                report.put("sweep", sweepResults.stream().map(EvalCommand::cellJson).toList());
                ratios.forEach(report::put);
            }
            report.put("workers", workers).put("cpu_cores", Runtime.getRuntime().availableProcessors()).put("wall_s", wall)
                    .printTo(out);
        }
    }

    private static CellResult find(List<CellResult> results, int rate, int length) {
        return results.stream().filter(c -> c.cell().rate() == rate && c.cell().memoryLength() == length).findFirst().orElse(null);
    }

    private static Map<String, Object> cellJson(CellResult c) {
        LifelongMetrics m = c.metrics();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("arm", c.cell().arm());
        j.put("rate", c.cell().rate());
        j.put("memory_length", c.cell().memoryLength());
        j.put("episodes", c.episodes().size());
        j.put("subtasks", m.all().subtasks());
        j.put("sr", round(m.all().successRate()));
        j.put("spl", round(m.all().spl()));
        j.put("first_visit_spl", round(m.firstVisit().spl()));
        j.put("first_visit_subtasks", m.firstVisit().subtasks());
        j.put("revisit_spl", round(m.revisit().spl()));
        j.put("revisit_subtasks", m.revisit().subtasks());
        j.put("sr_object", round(m.modality(GoalModality.OBJECT_CATEGORY).successRate()));
        j.put("sr_description", round(m.modality(GoalModality.LANGUAGE).successRate()));
        j.put("sr_image", round(m.modality(GoalModality.IMAGE).successRate()));
        j.put("decisions", c.decisions());
        j.put("policy_ms_per_decision", round(c.policyMsPerDecision()));
        j.put("encoder_ms_per_frame", round(c.encoderMsPerFrame()));
        j.put("compressor_ms_per_frame", round(c.compressorMsPerFrame()));
        j.put("memory_kb", round(c.meanMemoryKb()));
        j.put("bytes_per_frame", round(c.bytesPerFrame()));
        j.put("steps", c.steps());
        return j;
    }

    private static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null;
    }

    private static String share(LifelongMetrics.Share s) {
        return s.subtasks() == 0 ? "-" : f3(s.spl()) + " (" + s.subtasks() + ")";
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
