package org.memnav.app.replay;

import org.memnav.app.session.ProjectPaths;
import org.memnav.inference.agent.GridGeodesics;
import org.memnav.inference.goal.SentenceEmbedder;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.ModelLocator;
import org.memnav.inference.model.PatchTokens;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.inference.pipeline.PipelineManifests;
import org.memnav.inference.policy.FrontierInput;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.recordings.MemoryOperation;
import org.memnav.recordings.PolicyDecision;
import org.memnav.recordings.TokenTensor;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-runs the shipped policy at a recorded decision from the recorded encoder tokens (no re-encoding): the
 * frames written before the decision are compressed at the chosen rate with the shipped compressor, the last
 * N are kept, and the policy ONNX scores them against the same goal and frontiers.
 *
 * <p>Frontier features: forward/right come from the recorded agent pose and frontier point, the geodesic
 * distance from the scene's navigability map (the same grid search the agent uses); the frontier's size in
 * cells is not recorded, so it is fitted per frontier so that the policy, fed the memory the agent actually
 * had, reproduces the recorded frontier score. Not thread-safe: one caller (the workbench's what-if lane).
 */
public final class CounterfactualPolicy implements AutoCloseable {

    private static final Pattern FRAME_KIND = Pattern.compile("memory:frame#(\\d+)@step(\\d+)");
    private static final int[] CELL_CANDIDATES = cellCandidates();

    private final LoadedRun run;
    private final ModelLocator models;
    private final Map<Integer, MemoryPipeline> pipelines = new HashMap<>();
    private final Map<Integer, int[]> fittedCells = new HashMap<>();
    private final GridGeodesics geodesics;

    public CounterfactualPolicy(LoadedRun run) {
        this(run, ModelLocator.withOverride(ProjectPaths.home(), System.getProperty(ModelLocator.MODELS_DIR_PROPERTY)));
    }

    public CounterfactualPolicy(LoadedRun run, ModelLocator models) {
        this.run = run;
        this.models = models;
        this.geodesics = new GridGeodesics(run.history().layout().navigability());
    }

    private static int[] cellCandidates() {
        int[] c = new int[60];
        for (int i = 0; i < c.length; i++) {
            c[i] = (int) Math.round(Math.pow(1.1, i)); // 1 .. ~280 cells, denser where frontiers are small
        }
        return c;
    }

    /** The policy's choice at the latest decision at or before {@code step}, with memory at {@code rate} and {@code length}. */
    public Counterfactual decide(int step, int rate, int length) {
        RunHistory history = run.history();
        PolicyDecision recorded = history.decisions().stream().filter(d -> d.step() <= step)
                .reduce((a, b) -> b).orElse(null);
        if (recorded == null) {
            return Counterfactual.unavailable("no decision at or before step " + step, rate, length);
        }
        if (recorded.candidates().stream().noneMatch(c -> FRAME_KIND.matcher(c.kind()).matches())) {
            return Counterfactual.unavailable("the decision at step " + recorded.step() + " was not made by the learned "
                    + "policy (agent " + history.setup().agent() + "): nothing to re-run", rate, length);
        }
        RunMoment at = history.momentAt(recorded.step());
        Goal goal = at.goal();
        Pose agent = history.pose(recorded.step());
        List<MemoryOperation> written = history.writesSinceClear(recorded.step() + 1).stream()
                .filter(w -> w.frameStep() <= recorded.step()).toList();
        List<MemoryOperation> kept = written.subList(Math.max(0, written.size() - length), written.size());
        MemoryPipeline pipeline = pipeline(rate);
        List<MemoryFrame> memory = new ArrayList<>();
        for (MemoryOperation w : kept) {
            Optional<MemoryFrame> f = compressed(pipeline, w.frameId(), w.frameStep());
            if (f.isEmpty()) {
                return Counterfactual.unavailable("no encoder tokens recorded for the frame of step " + w.frameStep(), rate, length);
            }
            memory.add(f.get());
        }
        if (memory.isEmpty()) {
            return Counterfactual.unavailable("memory is empty at step " + recorded.step(), rate, length);
        }
        Goal asked = encodable(goal);
        float[] goalVector = pipeline.goals().encode(asked).values();
        List<PolicyDecision.Candidate> frontierCandidates = recorded.candidates().stream()
                .filter(c -> c.kind().startsWith("frontier")).toList();
        List<FrontierInput> frontiers = frontierInputs(recorded, agent, frontierCandidates);
        PolicyScores scores = pipeline.policy().score(goalVector, memory, agent, frontiers);
        List<PolicyDecision.Candidate> candidates = new ArrayList<>();
        List<Vec3> points = new ArrayList<>();
        for (int i = 0; i < memory.size(); i++) {
            MemoryFrame f = memory.get(i);
            double[] off = scores.memoryOffsets()[i];
            Vec3 point = toWorld(f.pose(), off[0], off[1]);
            points.add(point);
            candidates.add(new PolicyDecision.Candidate("memory:frame#" + f.id() + "@step" + f.step(), point, scores.memoryScores()[i]));
        }
        for (int i = 0; i < frontiers.size(); i++) {
            candidates.add(new PolicyDecision.Candidate("frontier", frontiers.get(i).point(), scores.frontierScores()[i]));
            points.add(frontiers.get(i).point());
        }
        PolicyScores.Choice best = scores.best();
        int chosen = best.memory() ? best.index() : memory.size() + best.index();
        long tokens = memory.stream().mapToLong(MemoryFrame::tokens).sum();
        long bytes = memory.stream().mapToLong(MemoryFrame::bytes).sum();
        String how = String.format(Locale.ROOT, "decision of step %d re-run: %d of %d written frames at %dx (%d tokens each); "
                        + "frontier sizes fitted to the recorded scores%s", recorded.step(), memory.size(), written.size(), rate,
                memory.getFirst().tokens(), asked == goal ? "" : "; the image goal's picture is not recorded, so its category '"
                        + goal.category() + "' stands in for it");
        return new Counterfactual(true, how, recorded.step(), rate, length, memory.size(), tokens, bytes,
                best.memory() ? PolicyDecision.Mode.MEMORY_GUIDED : PolicyDecision.Mode.EXPLORATION, points.get(chosen),
                candidates, chosen, scores.latencyMs());
    }

    private Optional<MemoryFrame> compressed(MemoryPipeline pipeline, long id, int frameStep) {
        Optional<TokenTensor> raw = run.frames().encoderTokensAt(frameStep);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        TokenTensor t = raw.get();
        var g = pipeline.encoder().geometry();
        PatchTokens patches = new PatchTokens(g.gridRows(), g.gridCols(), t.dim(), t.values());
        PatchTokens c = pipeline.compressor().compress(patches).tokens();
        return Optional.of(new MemoryFrame(id, frameStep, run.history().pose(frameStep), c.tokenCount(), c.dim(), c.data()));
    }

    private List<FrontierInput> frontierInputs(PolicyDecision recorded, Pose agent, List<PolicyDecision.Candidate> frontiers) {
        if (frontiers.isEmpty()) {
            return List.of();
        }
        List<Vec3> points = frontiers.stream().map(PolicyDecision.Candidate::point).toList();
        double[] geo = geodesics.from(agent.position(), points);
        int[] cells = fittedCells.computeIfAbsent(recorded.step(), s -> fitCells(recorded, agent, points, geo, frontiers));
        List<FrontierInput> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(new FrontierInput(points.get(i), geo[i], cells[i]));
        }
        return out;
    }

    /** Per frontier, the size in cells for which the policy, given the agent's own memory, gives the recorded score. */
    private int[] fitCells(PolicyDecision recorded, Pose agent, List<Vec3> points, double[] geo,
                           List<PolicyDecision.Candidate> frontiers) {
        int[] cells = new int[points.size()];
        java.util.Arrays.fill(cells, 20);
        int recordedRate = run.history().setup().rate();
        MemoryPipeline pipeline = pipeline(recordedRate);
        List<MemoryFrame> memory = new ArrayList<>();
        for (PolicyDecision.Candidate c : recorded.candidates()) {
            Matcher m = FRAME_KIND.matcher(c.kind());
            if (m.matches()) {
                compressed(pipeline, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2))).ifPresent(memory::add);
            }
        }
        if (memory.isEmpty()) {
            return cells;
        }
        List<FrontierInput> grid = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int k : CELL_CANDIDATES) {
                grid.add(new FrontierInput(points.get(i), geo[i], k));
            }
        }
        float[] goal = pipeline.goals().encode(encodable(run.history().momentAt(recorded.step()).goal())).values();
        double[] scores = pipeline.policy().score(goal, memory, agent, grid).frontierScores();
        for (int i = 0; i < points.size(); i++) {
            double bestErr = Double.MAX_VALUE;
            for (int j = 0; j < CELL_CANDIDATES.length; j++) {
                double err = Math.abs(scores[i * CELL_CANDIDATES.length + j] - frontiers.get(i).score());
                if (err < bestErr) {
                    bestErr = err;
                    cells[i] = CELL_CANDIDATES[j];
                }
            }
        }
        return cells;
    }

    /** Recordings keep an image goal's description, not its picture: the goal's category stands in for it. */
    private static Goal encodable(Goal goal) {
        if (goal.modality() == GoalModality.IMAGE && goal.image() == null) {
            return Goal.category(goal.category());
        }
        return goal;
    }

    private static Vec3 toWorld(Pose pose, double forward, double right) {
        return new org.memnav.inference.policy.LocalFrame(pose).toWorld(forward, right);
    }

    private MemoryPipeline pipeline(int rate) {
        return pipelines.computeIfAbsent(rate, r -> MemoryPipeline.open(PipelineManifests.shipped(models, r),
                new InferenceRuntime(), SentenceEmbedder::new));
    }

    @Override
    public void close() {
        pipelines.values().forEach(MemoryPipeline::close);
        pipelines.clear();
    }
}
