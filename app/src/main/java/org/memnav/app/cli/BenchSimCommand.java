package org.memnav.app.cli;

import org.memnav.scenes.bench.SimBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code memnav bench sim}: embedded simulator throughput (step + render, geodesic queries, scene generation). */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Measure the embedded simulator: steps/s of step + render (RGB, depth, instance ids) at 256x256 and "
                + "at GOAT's 360x640, geodesic distance queries/s, and scene generation time. Not part of ./memnav test.")
public final class BenchSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", description = "Seconds per throughput figure (default: ${DEFAULT-VALUE}).")
    double seconds = 5;

    @Option(names = "--scene", description = "Scene to step in (default: ${DEFAULT-VALUE}).")
    String scene = "scene-set:train/office-3";

    @Option(names = "--generation-seeds", description = "Scenes generated per kind for the generation time (default: ${DEFAULT-VALUE}).")
    int generationSeeds = 20;

    @Option(names = "--json", description = "Print a one-line JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() {
        if (!(seconds > 0) || generationSeeds < 1) {
            throw new IllegalArgumentException("--seconds must be positive and --generation-seeds at least 1");
        }
        SimBenchmark.Report r = new SimBenchmark(scene, seconds, generationSeeds).run();
        PrintWriter out = spec.commandLine().getOut();
        TextTable table = new TextTable("measure", "value", "unit");
        table.row("step + render 256x256 (rgb, depth, ids)", f0(r.steps256PerS()), "steps/s")
                .row("render only 256x256, same scene", f0(r.render256PerS()), "frames/s")
                .row("step + render 360x640 (GOAT camera)", f0(r.steps640PerS()), "steps/s")
                .row("geodesic distance queries (mean " + f1(r.meanGeodesicM()) + " m)", f0(r.geodesicQueriesPerS()), "queries/s")
                .row("generate apartment, mean of " + r.generatedScenes(), f1(r.apartmentGenerationMeanMs()), "ms")
                .row("generate apartment, max", f1(r.apartmentGenerationMaxMs()), "ms")
                .row("generate office, mean of " + r.generatedScenes(), f1(r.officeGenerationMeanMs()), "ms")
                .row("generate office, max", f1(r.officeGenerationMaxMs()), "ms");
        out.print(table.render());
        out.printf("%nscene %s (%d navigable cells); renderer %s; %d cores; load average %s%n", r.scene(), r.navigableCells(),
                r.renderer(), r.cores(), LoadAverage.now());
        if (json) {
            new JsonReport().put("steps_256_per_s", r.steps256PerS()).put("render_256_per_s", r.render256PerS())
                    .put("steps_640_per_s", r.steps640PerS())
                    .put("geodesic_queries_per_s", r.geodesicQueriesPerS()).put("mean_geodesic_m", r.meanGeodesicM())
                    .put("apartment_generation_mean_ms", r.apartmentGenerationMeanMs())
                    .put("apartment_generation_max_ms", r.apartmentGenerationMaxMs())
                    .put("office_generation_mean_ms", r.officeGenerationMeanMs())
                    .put("office_generation_max_ms", r.officeGenerationMaxMs())
                    .put("scene", r.scene()).put("renderer", r.renderer()).put("cores", r.cores())
                    .put("seconds_per_figure", seconds).printTo(out);
        }
        out.flush();
        return 0;
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
