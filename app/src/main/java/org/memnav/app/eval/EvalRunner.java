package org.memnav.app.eval;

import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RecordingListener;
import org.memnav.app.session.RunContext;
import org.memnav.app.session.RunListener;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.agent.AgentLoop;
import org.memnav.inference.agent.StepListener;
import org.memnav.inference.agent.EpisodeResult;
import org.memnav.inference.arms.AgentArm;
import org.memnav.inference.arms.AgentArms;
import org.memnav.inference.goal.SentenceEmbedder;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.inference.pipeline.PipelineManifests;
import org.memnav.scenes.metrics.LifelongMetrics;
import org.memnav.scenes.sim.EmbeddedSimulator;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.SceneInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs every (cell, episode) pair of an evaluation on a few worker threads. Each worker owns an
 * embedded simulator (driven directly, not over the socket: the eval measures agents, and the
 * bridge has its own benchmark) and one learned pipeline per compression rate, so nothing is
 * shared between threads but the work queue. Every arm sees exactly the same episodes. With a recordings
 * folder each (cell, episode) run is also recorded to MCAP through the app's {@link RecordingListener}.
 */
public final class EvalRunner {

    /** What to run: the cells, the episodes every cell runs, goals per episode, and worker threads. */
    public record Plan(List<EvalCell> cells, List<EvalEpisode> episodes, int subtasks, int workers) {
        public Plan {
            cells = List.copyOf(cells);
            episodes = List.copyOf(episodes);
            if (cells.isEmpty() || episodes.isEmpty() || subtasks < 1 || workers < 1) {
                throw new IllegalArgumentException("an evaluation needs cells, episodes, subtasks >= 1 and workers >= 1");
            }
        }
    }

    /** Told after every finished episode (on a worker thread). */
    public interface Progress {
        void episodeDone(int done, int total, EvalCell cell, EpisodeResult result);
    }

    private record Item(EvalCell cell, EvalEpisode episode, int episodeIndex, int index) {
    }

    private record Finished(EpisodeResult result, EpisodeStats stats) {
    }

    private final AgentArms arms;
    private final IntFunction<PipelineManifests> manifestsForRate;
    /** Where each (cell, episode) is recorded as MCAP; null: not recorded. */
    private final Path recordingsDir;

    public EvalRunner(AgentArms arms, IntFunction<PipelineManifests> manifestsForRate) {
        this(arms, manifestsForRate, null);
    }

    public EvalRunner(AgentArms arms, IntFunction<PipelineManifests> manifestsForRate, Path recordingsDir) {
        this.arms = arms;
        this.manifestsForRate = manifestsForRate;
        this.recordingsDir = recordingsDir;
    }

    /** The recording of one cell's run of one episode: {@code <arm>_r<rate>_L<length>[_b<budget>]_ep<NN>.mcap}. */
    public static String recordingName(EvalCell cell, int episodeIndex) {
        String budget = cell.budgeted() ? String.format(Locale.ROOT, "_b%.4f", cell.writesPerStep()) : "";
        return String.format(Locale.ROOT, "%s_r%d_L%d%s_ep%02d.mcap", cell.arm(), cell.rate(), cell.memoryLength(), budget, episodeIndex);
    }

    public List<CellResult> run(Plan plan, Progress progress) {
        for (EvalCell cell : plan.cells()) {
            arms.get(cell.arm()); // unknown arm names fail before any work starts
        }
        ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
        int index = 0;
        for (int e = 0; e < plan.episodes().size(); e++) {
            for (EvalCell cell : plan.cells()) {
                queue.add(new Item(cell, plan.episodes().get(e), e, index++));
            }
        }
        int total = index;
        Finished[] finished = new Finished[total];
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < Math.min(plan.workers(), total); w++) {
            Thread t = new Thread(() -> work(queue, plan.subtasks(), finished, done, total, failure, progress), "memnav-eval-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return aggregate(plan, finished, wall);
    }

    private void work(ConcurrentLinkedQueue<Item> queue, int subtasks, Finished[] finished, AtomicInteger done, int total,
                      AtomicReference<RuntimeException> failure, Progress progress) {
        Map<Integer, MemoryPipeline> pipelines = new HashMap<>();
        SentenceModel sentences = new SentenceModel();
        try (EmbeddedSimulator sim = EmbeddedSimulator.withDefaults()) {
            String loadedScene = null;
            SceneInfo scene = null;
            for (Item item = queue.poll(); item != null && failure.get() == null; item = queue.poll()) {
                if (!item.episode().sceneRef().equals(loadedScene)) {
                    scene = sim.loadScene(item.episode().sceneRef());
                    loadedScene = item.episode().sceneRef();
                }
                MemoryPipeline pipeline = pipelines.computeIfAbsent(item.cell().rate(),
                        rate -> MemoryPipeline.open(manifestsForRate.apply(rate), new InferenceRuntime(), sentences::get));
                AgentArm arm = arms.get(item.cell().arm());
                EpisodeStats stats = new EpisodeStats();
                AgentLoop loop = new AgentLoop(sim, arm.create(sim, scene, pipeline, item.cell().settings()));
                RecordingListener recording = null;
                StepListener listener = stats;
                if (recordingsDir != null) {
                    recording = RecordingListener.open(recordingsDir.resolve(recordingName(item.cell(), item.episodeIndex())));
                    recording.onRunStart(new RunContext("embedded (eval worker)", sim.capabilities(), scene, sim.navigabilityMap(),
                            pipeline.executionProvider(), pipeline.encoder().name(), new RunSettings(null, item.episode().sceneRef(),
                            item.episode().episodeSeed(), 1, subtasks, item.cell().memoryLength(), ProjectPaths.defaultEncoderManifest(),
                            null, item.cell().arm(), item.cell().rate())));
                    listener = RunListener.all(new StepsOnly(stats), recording);
                }
                EpisodeResult result;
                try {
                    result = loop.runEpisode(new EpisodeRequest(item.episode().episodeSeed(), subtasks), listener, () -> false);
                } finally {
                    if (recording != null) {
                        recording.onRunEnd();
                    }
                }
                finished[item.index()] = new Finished(result, stats);
                progress.episodeDone(done.incrementAndGet(), total, item.cell(), result);
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            pipelines.values().forEach(MemoryPipeline::close);
        }
    }

    private List<CellResult> aggregate(Plan plan, Finished[] finished, double wall) {
        Map<EvalCell, List<Finished>> byCell = new LinkedHashMap<>();
        int i = 0;
        for (EvalEpisode ignored : plan.episodes()) {
            for (EvalCell cell : plan.cells()) {
                byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(finished[i++]);
            }
        }
        List<CellResult> out = new ArrayList<>();
        for (Map.Entry<EvalCell, List<Finished>> e : byCell.entrySet()) {
            LifelongMetrics.Accumulator metrics = new LifelongMetrics.Accumulator();
            EpisodeStats total = new EpisodeStats();
            List<EpisodeResult> results = new ArrayList<>();
            long steps = 0;
            double seconds = 0;
            for (Finished f : e.getValue()) {
                metrics.add(f.result().spec(), f.result().outcomes());
                f.stats().addTo(total);
                results.add(f.result());
                steps += f.result().steps();
                seconds += f.result().wallSeconds();
            }
            double meanKb = total.decisions == 0 ? 0 : total.memoryBytesAtDecisions / total.decisions / 1024.0;
            double bytesPerFrame = total.memoryFramesAtDecisions == 0 ? 0
                    : total.memoryBytesOfFrames / (double) total.memoryFramesAtDecisions;
            List<EpisodeSummary> summaries = e.getValue().stream().map(f -> f.stats().summary(f.result())).toList();
            double[] latencies = total.decisionLatenciesMs.stream().mapToDouble(Double::doubleValue).toArray();
            out.add(new CellResult(e.getKey(), results, metrics.metrics(), total.decisions,
                    total.decisions == 0 ? 0 : total.policyMs / total.decisions,
                    total.frames == 0 ? 0 : total.encoderMs / total.frames,
                    total.frames == 0 ? 0 : total.compressorMs / total.frames,
                    meanKb, bytesPerFrame, steps, seconds, summaries, SampleStatistics.quantile(latencies, 0.5),
                    SampleStatistics.quantile(latencies, 0.95)));
        }
        return out;
    }

    /** A step listener seen as a run listener (the recorder is one; the stats are not). */
    private record StepsOnly(StepListener steps) implements RunListener {
        @Override
        public void onStep(org.memnav.inference.agent.StepEvent event) {
            steps.onStep(event);
        }
    }

    /** One sentence model per worker, loaded on the first language goal. */
    private static final class SentenceModel {
        private SentenceEmbedder embedder;

        SentenceEmbedder get() {
            if (embedder == null) {
                embedder = new SentenceEmbedder();
            }
            return embedder;
        }
    }
}
