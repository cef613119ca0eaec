package org.memnav.scenes.bench;

import org.memnav.scenes.layout.SceneGenerator;
import org.memnav.scenes.layout.SceneKind;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.scenes.sim.SimulatorOptions;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the embedded simulator: scene generation time per kind, steps per second of
 * step + render (RGB, depth and instance ids read back) at the encoder's 256x256 and at GOAT's
 * 360x640, the render alone at 256x256 (so that the simulator's own share of a step shows), and
 * geodesic-distance queries per second. Steps follow a fixed random walk (60% forward,
 * 20% each turn); starting a new episode is not timed. Each figure is measured in one run, on
 * whatever machine runs it, with the renderer it reports.
 */
public final class SimBenchmark {

    /** What was measured; times in milliseconds, rates per second. */
    public record Report(String scene, String renderer, int cores, int generatedScenes, double apartmentGenerationMeanMs,
                         double apartmentGenerationMaxMs, double officeGenerationMeanMs, double officeGenerationMaxMs,
                         double steps256PerS, double render256PerS, double steps640PerS, double geodesicQueriesPerS,
                         double meanGeodesicM, int navigableCells) {
    }

    private final String sceneRef;
    private final double secondsPerFigure;
    private final int generationSeeds;

    public SimBenchmark(String sceneRef, double secondsPerFigure, int generationSeeds) {
        this.sceneRef = sceneRef;
        this.secondsPerFigure = secondsPerFigure;
        this.generationSeeds = generationSeeds;
    }

    public Report run() {
        double[] apartment = generation(SceneKind.APARTMENT);
        double[] office = generation(SceneKind.OFFICE);
        String renderer;
        double steps256;
        double render256;
        double geodesic;
        double meanGeodesic;
        int cells;
        try (EmbeddedSimulator sim = new EmbeddedSimulator(SimulatorOptions.defaults())) {
            sim.loadScene(sceneRef);
            steps256 = stepsPerSecond(sim);
            render256 = rendersPerSecond(sim);
            renderer = sim.rendererDescription();
            double[] g = geodesicQueries(sim);
            geodesic = g[0];
            meanGeodesic = g[1];
            cells = sim.grid().navigableCount();
        }
        double steps640;
        try (EmbeddedSimulator sim = new EmbeddedSimulator(SimulatorOptions.goatParity())) {
            sim.loadScene(sceneRef);
            steps640 = stepsPerSecond(sim);
        }
        return new Report(sceneRef, renderer, Runtime.getRuntime().availableProcessors(), generationSeeds, apartment[0],
                apartment[1], office[0], office[1], steps256, render256, steps640, geodesic, meanGeodesic, cells);
    }

    /** Mean and max generation time in ms over the seeds, after one warm-up scene. */
    private double[] generation(SceneKind kind) {
        SceneGenerator generator = new SceneGenerator(0.17);
        generator.generate(kind, 1_000_000_000L);
        double sum = 0;
        double max = 0;
        for (int seed = 1; seed <= generationSeeds; seed++) {
            long t0 = System.nanoTime();
            generator.generate(kind, seed);
            double ms = (System.nanoTime() - t0) / 1e6;
            sum += ms;
            max = Math.max(max, ms);
        }
        return new double[]{sum / generationSeeds, max};
    }

    private double stepsPerSecond(EmbeddedSimulator sim) {
        SplittableRandom rnd = new SplittableRandom(7);
        long episodeSeed = 1;
        sim.newEpisode(new EpisodeRequest(episodeSeed++, 5));
        for (int i = 0; i < 100; i++) { // warm-up: JIT, frame buffers
            if (sim.episodeOver()) {
                sim.newEpisode(new EpisodeRequest(episodeSeed++, 5));
            }
            sim.step(randomAction(rnd));
        }
        long timed = 0;
        long steps = 0;
        long checksum = 0;
        while (timed < secondsPerFigure * 1e9) {
            if (sim.episodeOver()) {
                sim.newEpisode(new EpisodeRequest(episodeSeed++, 5));
            }
            long t0 = System.nanoTime();
            Observation o = sim.step(randomAction(rnd));
            timed += System.nanoTime() - t0;
            checksum += o.rgb().data()[o.rgb().data().length / 2];
            steps++;
        }
        if (checksum == Long.MIN_VALUE) {
            System.out.print(""); // keeps the observations alive for the JIT
        }
        return steps / (timed / 1e9);
    }

    /** The sensor render alone (same scene, poses along a walk): what a step costs without the simulator around it. */
    private double rendersPerSecond(EmbeddedSimulator sim) {
        Pose start = sim.agentPose();
        for (int i = 0; i < 50; i++) {
            sim.render(new Pose(start.position(), i * 0.5), 0);
        }
        long frames = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (secondsPerFigure * 1e9);
        long now;
        do {
            sim.render(new Pose(start.position(), frames * 0.5236), 0);
            frames++;
            now = System.nanoTime();
        } while (now < deadline);
        return frames / ((now - t0) / 1e9);
    }

    private static Action randomAction(SplittableRandom rnd) {
        int r = rnd.nextInt(10);
        return r < 6 ? Action.MOVE_FORWARD : r < 8 ? Action.TURN_LEFT : Action.TURN_RIGHT;
    }

    /** Queries per second between random navigable points, and their mean length. */
    private double[] geodesicQueries(EmbeddedSimulator sim) {
        OccupancyGrid grid = sim.grid();
        SplittableRandom rnd = new SplittableRandom(11);
        List<Vec3> points = new ArrayList<>();
        while (points.size() < 512) {
            int c = rnd.nextInt(grid.width());
            int r = rnd.nextInt(grid.height());
            if (grid.navigable(c, r)) {
                points.add(new Vec3(grid.xOf(c), 0, grid.zOf(r)));
            }
        }
        for (int i = 0; i < 200; i++) {
            sim.geodesicDistance(points.get(i), points.get(i + 1));
        }
        long queries = 0;
        double total = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (secondsPerFigure * 1e9);
        long now;
        do {
            int i = (int) (queries % (points.size() - 1));
            total += sim.geodesicDistance(points.get(i), points.get((i * 7 + 13) % points.size()));
            queries++;
            now = System.nanoTime();
        } while (now < deadline);
        return new double[]{queries / ((now - t0) / 1e9), total / queries};
    }
}
