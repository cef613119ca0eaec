package org.memnav.app.cli;

import org.memnav.app.session.NavigationRun;
import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.PatchTokens;
import org.memnav.inference.model.RuntimeSettings;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.inference.policy.FrontierInput;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.Vec3;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code memnav bench pipeline}: per-stage latency of the learned pipeline on one intra-op thread
 * (encoder and compressor per frame, policy per decision at each rate x memory length) and memory
 * bytes per frame, with the ratios against 1x measured in the same run.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Latency of encoder, compressor (per frame) and policy (per decision, by rate x memory length) "
                + "on one CPU thread, memory bytes per frame, and ratios against 1x.")
public final class BenchPipelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rates", split = ",", description = "Rates (default: 1,4,16,64).")
    List<Integer> rates = List.of(1, 4, 16, 64);

    @Option(names = "--lengths", split = ",", description = "Memory lengths in frames (default: 10,25,50,100).")
    List<Integer> lengths = List.of(10, 25, 50, 100);

    @Option(names = "--repeats", description = "Timed runs per measurement after warm-up (default: ${DEFAULT-VALUE}).")
    int repeats = 30;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    private record Row(int rate, int length, double policyMedianMs, double encoderMedianMs, double compressorMedianMs,
                       long bytesPerFrame) {
    }

    @Override
    public Integer call() {
        if (repeats < 3) {
            throw new IllegalArgumentException("--repeats must be at least 3");
        }
        PrintWriter out = spec.commandLine().getOut();
        Random random = new Random(1);
        List<RgbImage> frames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] rgb = new byte[256 * 256 * 3];
            random.nextBytes(rgb);
            frames.add(new RgbImage(256, 256, rgb));
        }
        List<Row> rows = new ArrayList<>();
        String provider = "?";
        InferenceRuntime runtime = new InferenceRuntime(RuntimeSettings.defaults());
        for (int rate : rates) {
            RunSettings settings = new RunSettings(null, "unused", 0, 1, 1, 1, ProjectPaths.defaultEncoderManifest(), null,
                    RunSettings.DEFAULT_AGENT, rate);
            try (MemoryPipeline pipeline = MemoryPipeline.open(NavigationRun.manifests(settings), runtime, () -> null)) {
                provider = pipeline.executionProvider();
                double[] enc = new double[repeats];
                double[] comp = new double[repeats];
                PatchTokens last = null;
                for (int i = -5; i < repeats; i++) {
                    MemoryPipeline.Perception p = pipeline.perceive(frames.get(Math.floorMod(i, frames.size())));
                    last = p.compressed().tokens();
                    if (i >= 0) {
                        enc[i] = p.encoderMs();
                        comp[i] = p.compressorMs();
                    }
                }
                float[] goal = pipeline.goals().encode(Goal.category("sofa")).values();
                List<FrontierInput> frontiers = List.of(new FrontierInput(new Vec3(2, 0, 0), 2, 20),
                        new FrontierInput(new Vec3(0, 0, 3), 3, 30), new FrontierInput(new Vec3(-4, 0, 1), 4.5, 12));
                for (int length : lengths) {
                    MemoryStore memory = new MemoryStore(length);
                    for (int i = 0; i < length; i++) {
                        memory.write(i, new Pose(new Vec3(i * 0.25, 0, 0), i * 0.3), last.tokenCount(), last.dim(), last.data());
                    }
                    List<MemoryFrame> remembered = memory.frames();
                    double[] policy = new double[repeats];
                    for (int i = -5; i < repeats; i++) {
                        double ms = pipeline.policy().score(goal, remembered, new Pose(Vec3.ORIGIN, 0), frontiers).latencyMs();
                        if (i >= 0) {
                            policy[i] = ms;
                        }
                    }
                    rows.add(new Row(rate, length, median(policy), median(enc), median(comp), remembered.get(0).bytes()));
                }
            }
        }
        TextTable table = new TextTable("rate", "memory", "policy_ms_per_decision", "policy_speedup_vs_1x", "encoder_ms_per_frame",
                "compressor_ms_per_frame", "bytes_per_frame", "bytes_ratio_vs_1x", "memory_kb");
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Row r : rows) {
            Row base = rows.stream().filter(b -> b.rate() == 1 && b.length() == r.length()).findFirst().orElse(null);
            double speedup = base == null ? Double.NaN : base.policyMedianMs() / r.policyMedianMs();
            double bytes = base == null ? Double.NaN : base.bytesPerFrame() / (double) r.bytesPerFrame();
            table.row(r.rate() + "x", r.length(), f2(r.policyMedianMs()), f2(speedup), f2(r.encoderMedianMs()), f2(r.compressorMedianMs()),
                    r.bytesPerFrame(), f2(bytes), f1(r.bytesPerFrame() * (double) r.length() / 1024));
            if (r.length() == 50 || r.length() == 100) {
                ratios.put("policy_speedup_vs_1x_r" + r.rate() + "_at_" + r.length(), speedup);
            }
        }
        out.print(table.render());
        out.printf(Locale.ROOT, "%nmedians over %d runs on one intra-op thread, provider %s, %d CPU cores in this machine; "
                + "encoder and compressor inputs are random frames, memories repeat one compressed frame%n",
                repeats, provider, Runtime.getRuntime().availableProcessors());
        if (json) {
            JsonReport report = new JsonReport().put("provider", provider).put("cpu_cores", Runtime.getRuntime().availableProcessors());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("rate", r.rate());
                c.put("memory_length", r.length());
                c.put("policy_ms_per_decision", Math.round(r.policyMedianMs() * 1000) / 1000.0);
                c.put("encoder_ms_per_frame", Math.round(r.encoderMedianMs() * 1000) / 1000.0);
                c.put("compressor_ms_per_frame", Math.round(r.compressorMedianMs() * 1000) / 1000.0);
                c.put("bytes_per_frame", r.bytesPerFrame());
                cells.add(c);
            }
            report.put("cells", cells);
            ratios.forEach(report::put);
            report.printTo(out);
        }
        out.flush();
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
