package org.memnav.app.eval;

import org.memnav.inference.agent.AgentLoop;
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

import java.util.ArrayList;
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
 * shared between threads but the work queue. Every arm sees exactly the same episodes.
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

    private record Item(EvalCell cell, EvalEpisode episode, int index) {
    }

    private record Finished(EpisodeResult result, EpisodeStats stats) {
    }

    private final AgentArms arms;
    private final IntFunction<PipelineManifests> manifestsForRate;

    public EvalRunner(AgentArms arms, IntFunction<PipelineManifests> manifestsForRate) {
        this.arms = arms;
        this.manifestsForRate = manifestsForRate;
    }

    public List<CellResult> run(Plan plan, Progress progress) {
        for (EvalCell cell : plan.cells()) {
            arms.get(cell.arm()); // unknown arm names fail before any work starts
        }
        ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
        int index = 0;
        for (EvalEpisode episode : plan.episodes()) {
            for (EvalCell cell : plan.cells()) {
                queue.add(new Item(cell, episode, index++));
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
                EpisodeResult result = loop.runEpisode(new EpisodeRequest(item.episode().episodeSeed(), subtasks), stats, () -> false);
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
            out.add(new CellResult(e.getKey(), results, metrics.metrics(), total.decisions,
                    total.decisions == 0 ? 0 : total.policyMs / total.decisions,
                    total.frames == 0 ? 0 : total.encoderMs / total.frames,
                    total.frames == 0 ? 0 : total.compressorMs / total.frames,
                    meanKb, bytesPerFrame, steps, seconds));
        }
        return out;
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
