package org.memnav.app.cli;

import org.memnav.app.eval.CellResult;
import org.memnav.app.eval.EvalCell;
import org.memnav.app.eval.EvalEpisode;
import org.memnav.app.eval.EvalPlots;
import org.memnav.app.eval.EvalRunner;
import org.memnav.app.eval.EpisodeSummary;
import org.memnav.app.eval.SampleStatistics;
import org.memnav.app.session.NavigationRun;
import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.arms.AgentArm;
import org.memnav.inference.arms.AgentArms;
import org.memnav.inference.arms.ArmSettings;
import org.memnav.scenes.metrics.LifelongMetrics;
import org.memnav.scenes.sim.SceneSet;
import org.memnav.scenes.sim.SceneSets;
import org.memnav.simbridge.api.GoalModality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            description = "Arms to compare (listed below), from: ${COMPLETION-CANDIDATES} (default: astranav,frontier).",
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

    @Option(names = "--scenes", description = "Scene set to evaluate on; only 'heldout' (default: ${DEFAULT-VALUE}).")
    String scenes = "heldout";

    @Option(names = "--seed", description = "Episode seed of each scene's first episode; the n-th episode in a scene uses "
            + "seed + n (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--write-budget", paramLabel = "WRITES_PER_STEP", description = "Write budget of the periodic and random "
            + "arms, writes per step (default: matched to the gate arm's measured writes per step when 'gate' is compared, "
            + "else 1/16).")
    Double writeBudget;

    @Option(names = "--budget-scales", split = ",", description = "Multiples of the write budget the periodic and random "
            + "arms run at, for the write-budget curve (default: 1).")
    List<Double> budgetScales = List.of(1.0);

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the recordings (DIR/recordings, one MCAP per arm "
            + "and episode), the plots (write_budget_curve.png, sweep.png) and the table (eval_table.txt, eval.json) "
            + "(default: ${DEFAULT-VALUE}).")
    Path outDir = Path.of("eval-out");

    @Option(names = "--no-recordings", description = "Do not record the runs.")
    boolean noRecordings;

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
        if (!"heldout".equals(scenes)) {
            throw new IllegalArgumentException("--scenes '" + scenes + "': evaluation runs on the held-out set only (--scenes heldout)");
        }
        if (writeBudget != null && !(writeBudget > 0 && writeBudget <= 1)) {
            throw new IllegalArgumentException("--write-budget must be in (0, 1] writes per step, got " + writeBudget);
        }
        if (budgetScales.isEmpty() || budgetScales.stream().anyMatch(b -> !(b > 0))) {
            throw new IllegalArgumentException("--budget-scales must be positive multiples, got " + budgetScales);
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
        EvalRunner runner = new EvalRunner(registry, r -> NavigationRun.manifests(settingsAt(r)),
                noRecordings ? null : outDir.resolve("recordings"));
        long started = System.nanoTime();

        // Arms with their own write rule first; the budgeted arms then spend the gate's measured budget (or the given one).
        List<EvalCell> freeCells = new ArrayList<>();
        for (String arm : arms) {
            AgentArm a = registry.get(arm);
            EvalCell cell = new EvalCell(arm, rate, a.usesMemory() ? memoryLength : 1);
            if (!cell.budgeted()) {
                freeCells.add(cell);
            }
        }
        List<CellResult> free = freeCells.isEmpty() ? List.of()
                : runner.run(new EvalRunner.Plan(freeCells, plan.subList(0, episodes), subtasks, workers), progress(err, "compare", started));
        double budget = budget(free);
        List<EvalCell> budgetedCells = new ArrayList<>();
        for (String arm : arms) {
            for (double scale : budgetScales) {
                EvalCell cell = new EvalCell(arm, rate, memoryLength, Math.min(1.0, budget * scale));
                if (cell.budgeted()) {
                    budgetedCells.add(cell);
                }
            }
        }
        List<CellResult> budgeted = budgetedCells.isEmpty() ? List.of()
                : runner.run(new EvalRunner.Plan(budgetedCells, plan.subList(0, episodes), subtasks, workers),
                        progress(err, "budget-matched", started));
        List<CellResult> headline = new ArrayList<>();
        for (String arm : arms) {
            free.stream().filter(c -> c.cell().arm().equals(arm)).forEach(headline::add);
            budgeted.stream().filter(c -> c.cell().arm().equals(arm)).forEach(headline::add);
        }
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
        writePlots(headline, sweepResults);
        printReport(out, headline, sweepResults, plan, wall, budget);
        return 0;
    }

    /** The budgeted arms' writes per step: as given, else the gate's measured rate, else the default. */
    private double budget(List<CellResult> free) {
        if (writeBudget != null) {
            return writeBudget;
        }
        return free.stream().filter(c -> c.cell().arm().equals(AgentArms.GATE)).findFirst()
                .map(CellResult::writesPerStep).filter(b -> b > 0).orElse(ArmSettings.DEFAULT_WRITES_PER_STEP);
    }

    private void writePlots(List<CellResult> headline, List<CellResult> sweepResults) {
        try {
            EvalPlots.writeBudgetCurve(outDir.resolve("write_budget_curve.png"), headline);
            if (!sweepResults.isEmpty()) {
                EvalPlots.sweep(outDir.resolve("sweep.png"), sweepResults);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plots to " + outDir + ": " + e.getMessage(), e);
        }
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
            out.add(new EvalEpisode("procedural:" + kinds.get(scene % kinds.size()) + "?seed=" + seed, this.seed + i % episodesPerScene));
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
                             double wall, double budget) {
        TextTable compare = new TextTable("arm", "rate", "memory", "budget_writes_per_step", "episodes", "SR [95% CI]",
                "SPL [95% CI]", "first_visit_spl", "revisit_spl", "writes_per_subtask [95% CI]", "memory_kb_at_end [95% CI]",
                "decision_ms_median", "decision_ms_p95", "trigger_fire_rate");
        for (CellResult c : headline) {
            LifelongMetrics m = c.metrics();
            compare.row(c.cell().arm(), c.cell().rate() + "x", c.cell().memoryLength(),
                    c.cell().budgeted() ? f3(c.cell().writesPerStep()) : "-", c.episodes().size(),
                    ci(c.interval(EpisodeSummary::successRate), 1), ci(c.interval(EpisodeSummary::spl), 1),
                    share(m.firstVisit()), share(m.revisit()), ci(c.interval(EpisodeSummary::writesPerSubtask), 1),
                    ci(c.interval(x -> x.memoryBytesAtEnd()), 1024), f1(c.decisionMsMedian()), f1(c.decisionMsP95()),
                    c.cell().arm().equals(AgentArms.TRIGGER) ? f3(c.triggerFireRate()) : "-");
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Held-out scenes (%d lifelong episodes x %d goals, %s ... %s), same episodes for every arm; "
                        + "95%% CIs are Student-t intervals over episodes; budgeted arms (periodic, random) at %.4f writes per step x %s:%n",
                headline.get(0).episodes().size(), subtasks, plan.get(0).sceneRef(), plan.get(headline.get(0).episodes().size() - 1).sceneRef(),
                budget, budgetScales));
        text.append(compare.render());
        out.print(text);
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("eval_table.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the table to " + outDir + ": " + e.getMessage(), e);
        }
        Map<String, Object> ratios = new LinkedHashMap<>();
        if (!sweepResults.isEmpty()) {
            TextTable table = new TextTable("rate", "memory", "episodes", "SR [95% CI]", "SPL [95% CI]", "SR_minus_1x [95% CI]",
                    "SPL_minus_1x [95% CI]", "first_visit_spl", "revisit_spl", "policy_ms_per_decision", "memory_kb", "kb_per_frame");
            for (CellResult c : sweepResults) {
                LifelongMetrics m = c.metrics();
                CellResult base = baseline1x(sweepResults, c);
                table.row(c.cell().rate() + "x", c.cell().memoryLength(), c.episodes().size(),
                        ci(c.interval(EpisodeSummary::successRate), 1), ci(c.interval(EpisodeSummary::spl), 1),
                        base != null ? ci(c.differenceFrom(base, EpisodeSummary::successRate), 1) : "-",
                        base != null ? ci(c.differenceFrom(base, EpisodeSummary::spl), 1) : "-",
                        share(m.firstVisit()), share(m.revisit()), f2(c.policyMsPerDecision()),
                        f1(c.meanMemoryKb()), f2(c.bytesPerFrame() / 1024));
            }
            out.printf("%nSweep of the learned agent (%d episodes per cell, the same episodes in every cell): compression rate x "
                    + "memory length; *_minus_1x: paired per-episode difference from 1x at the same memory length%n",
                    sweepResults.get(0).episodes().size());
            out.print(table.render());
            printMemoryLengthEffect(out, sweepResults, ratios);
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
        {
            JsonReport report = new JsonReport().put("episodes", headline.get(0).episodes().size()).put("subtasks", subtasks)
                    .put("first_scene", plan.get(0).sceneRef()).put("arms", headline.stream().map(EvalCommand::cellJson).toList());
            if (!sweepResults.isEmpty()) {
                report.put("sweep", sweepResults.stream().map(c -> sweepCellJson(c, baseline1x(sweepResults, c))).toList());
                ratios.forEach(report::put);
            }
            report.put("write_budget_writes_per_step", budget).put("ci", "student-t 95% over episodes")
                    .put("out_dir", outDir.toString()).put("workers", workers)
                    .put("cpu_cores", Runtime.getRuntime().availableProcessors()).put("wall_s", wall);
            try {
                Files.writeString(outDir.resolve("eval.json"), report.toJson() + System.lineSeparator());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + outDir.resolve("eval.json") + ": " + e.getMessage(), e);
            }
            if (json) {
                report.printTo(out);
            }
        }
    }

    /**
     * Does a longer memory help? Each memory length against the shortest and against the next shorter one, the
     * difference paired per episode and averaged over the sweep's rates (all cells share the episodes).
     */
    private static void printMemoryLengthEffect(PrintWriter out, List<CellResult> sweepResults, Map<String, Object> ratios) {
        List<Integer> lengths = sweepResults.stream().map(c -> c.cell().memoryLength()).distinct().sorted().toList();
        List<Integer> rates = sweepResults.stream().map(c -> c.cell().rate()).distinct().sorted().toList();
        if (lengths.size() < 2) {
            return;
        }
        TextTable effect = new TextTable("memory", "minus_memory", "SR_difference [95% CI]", "SPL_difference [95% CI]");
        for (int i = 1; i < lengths.size(); i++) {
            int l = lengths.get(i);
            for (int base : i == 1 ? List.of(lengths.get(0)) : List.of(lengths.get(0), lengths.get(i - 1))) {
                List<CellResult> cells = rates.stream().map(r -> find(sweepResults, r, l)).toList();
                List<CellResult> bases = rates.stream().map(r -> find(sweepResults, r, base)).toList();
                if (cells.contains(null) || bases.contains(null)) {
                    continue;
                }
                SampleStatistics.Interval sr = CellResult.meanDifference(cells, bases, EpisodeSummary::successRate);
                SampleStatistics.Interval spl = CellResult.meanDifference(cells, bases, EpisodeSummary::spl);
                effect.row(l, base, ci(sr, 1), ci(spl, 1));
                String key = "_L" + l + "_minus_L" + base;
                putInterval(ratios, "sr_difference" + key, sr, 1);
                putInterval(ratios, "spl_difference" + key, spl, 1);
            }
        }
        out.printf("%nMemory length: difference from a shorter memory, paired per episode and averaged over rates %s:%n", rates);
        out.print(effect.render());
    }

    private static CellResult find(List<CellResult> results, int rate, int length) {
        return results.stream().filter(c -> c.cell().rate() == rate && c.cell().memoryLength() == length).findFirst().orElse(null);
    }

    /** The 1x cell at {@code c}'s memory length, or null when {@code c} is that cell or the sweep has no 1x. */
    private static CellResult baseline1x(List<CellResult> sweepResults, CellResult c) {
        CellResult base = find(sweepResults, 1, c.cell().memoryLength());
        return base == c ? null : base;
    }

    /** A sweep cell's JSON: the cell's own figures plus its paired difference from {@code base} (1x), if any. */
    private static Map<String, Object> sweepCellJson(CellResult c, CellResult base) {
        Map<String, Object> j = cellJson(c);
        if (base != null) {
            putInterval(j, "sr_minus_1x", c.differenceFrom(base, EpisodeSummary::successRate), 1);
            putInterval(j, "spl_minus_1x", c.differenceFrom(base, EpisodeSummary::spl), 1);
        }
        return j;
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
        if (c.cell().budgeted()) {
            j.put("write_budget_writes_per_step", round(c.cell().writesPerStep()));
        }
        putInterval(j, "sr", c.interval(EpisodeSummary::successRate), 1);
        putInterval(j, "spl", c.interval(EpisodeSummary::spl), 1);
        putInterval(j, "writes_per_subtask", c.interval(EpisodeSummary::writesPerSubtask), 1);
        putInterval(j, "memory_kb_at_end", c.interval(x -> x.memoryBytesAtEnd()), 1024);
        j.put("writes_per_step", round(c.writesPerStep()));
        j.put("decision_latency_ms_median", round(c.decisionMsMedian()));
        j.put("decision_latency_ms_p95", round(c.decisionMsP95()));
        j.put("trigger_fire_rate", round(c.triggerFireRate()));
        return j;
    }

    private static void putInterval(Map<String, Object> j, String key, SampleStatistics.Interval i, double scale) {
        j.put(key + "_mean", round(i.mean() / scale));
        j.put(key + "_ci95_low", round(i.low() / scale));
        j.put(key + "_ci95_high", round(i.high() / scale));
    }

    /** "mean [low, high]" of a per-episode figure divided by {@code scale}. */
    private static String ci(SampleStatistics.Interval i, double scale) {
        if (i.n() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.mean() / scale, i.low() / scale, i.high() / scale);
    }

    /** The --help footer: every arm with its one line. */
    public static String armsHelp() {
        StringBuilder b = new StringBuilder("%nArms:%n");
        AgentArms registry = AgentArms.standard();
        for (String name : registry.names()) {
            b.append(String.format(Locale.ROOT, "  %-16s %s%%n", name, registry.get(name).description().replace("%", "%%")));
        }
        return b.toString();
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
