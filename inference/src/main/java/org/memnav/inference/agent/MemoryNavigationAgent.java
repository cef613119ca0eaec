package org.memnav.inference.agent;

import org.memnav.inference.goal.GoalVector;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.inference.model.PatchTokens;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.inference.policy.FrontierInput;
import org.memnav.inference.policy.LocalFrame;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learned memory agent (AstraNav-Memory style): every few steps the camera frame goes through
 * the encoder and compressor into a FIFO memory of compressed tokens with poses; at each decision
 * point the learned policy scores "go where a remembered frame saw the goal" against the frontiers of
 * the agent's own depth-built map, and the path follower drives to the winner with the simulator's
 * path finder. Goals are recognised by the learned models only (no semantic sensor).
 *
 * <p>With {@link MemoryAgentSettings#lifelong()} false the agent forgets its map and memory at every
 * new subtask and remembers only the latest frame: the frontier-only baseline, same exploration,
 * no memory.
 */
public final class MemoryNavigationAgent implements NavigationAgent {

    private static final double BLACKLIST_RADIUS_M = 1.0;
    private static final int STUCK_WINDOW_STEPS = 24;
    private static final double STUCK_DISTANCE_M = 0.3;
    /** The initial look-around writes every third turn: four views, a panorama at 90-degree spacing. */
    private static final int SPIN_WRITE_EVERY = 3;
    /** Re-checks at a remembered goal before stopping, per subtask; then it stops where it is. */
    private static final int MAX_ARRIVAL_CHECKS = 3;
    /** A re-check confirms the goal when the policy still puts it within this distance of the agent. */
    private static final double CONFIRM_RADIUS_M = 1.0;

    private final SimBackend sim;
    private final MemoryPipeline pipeline;
    private final MemoryAgentSettings settings;
    private final CameraModel camera;
    private final int spinSteps;
    private final PathFollower follower;
    private final MemoryStore memory;
    /** What this step wrote to memory, handed to the step's report (the recorder logs it). */
    private MemoryStore.WriteResult lastWrite;
    private FrontierCandidates frontierCandidates;

    private ExploredMap map;
    private final List<Vec3> blacklist = new ArrayList<>();
    private final ArrayDeque<Vec3> recentPositions = new ArrayDeque<>();
    private EpisodeSpec spec;
    private int subtask;
    private int stepsInEpisode;
    private int stepsSinceDecision;
    private int stepsSinceWrite;
    private Vec3 target;
    private NavigationMode mode = NavigationMode.EXPLORATION;
    private GoalVector goal;
    private int arrivalChecks;
    private double pendingGoalMs;

    public MemoryNavigationAgent(SimBackend sim, MemoryPipeline pipeline, MemoryAgentSettings settings) {
        this.sim = sim;
        this.pipeline = pipeline;
        this.settings = settings;
        Capabilities caps = sim.capabilities();
        this.camera = new CameraModel(caps.sensor().width(), caps.sensor().height(), caps.sensor().hfovDeg(),
                caps.agent().cameraHeightM());
        this.spinSteps = (int) Math.round(360 / caps.agent().turnDeg());
        this.follower = new PathFollower(caps.agent().turnDeg(), caps.agent().forwardStepM());
        this.memory = new MemoryStore(settings.lifelong() ? settings.memoryLength() : 1);
    }

    @Override
    public void startEpisode(EpisodeSpec newSpec) {
        spec = newSpec;
        if (frontierCandidates == null) {
            frontierCandidates = new FrontierCandidates(sim.navigabilityMap());
        }
        resetExploration(newSpec.start().position());
        memory.clear();
        subtask = -1;
        stepsInEpisode = 0;
        goal = null;
    }

    private void resetExploration(Vec3 centre) {
        map = new ExploredMap(centre, 60, 0.1);
        blacklist.clear();
        recentPositions.clear();
        target = null;
        mode = NavigationMode.EXPLORATION;
    }

    @Override
    public AgentStep act(Observation obs) {
        if (obs.status().subtaskIndex() != subtask) {
            subtask = obs.status().subtaskIndex();
            if (!settings.lifelong() && subtask > 0) {
                resetExploration(obs.pose().position());
                memory.clear();
            }
            target = null;
            mode = NavigationMode.EXPLORATION;
            arrivalChecks = 0;
            goal = pipeline.goals().encode(currentGoal());
            pendingGoalMs = goal.latencyMs();
        }
        map.integrate(obs.depth(), obs.pose(), camera);
        stepsInEpisode++;
        stepsSinceDecision++;
        stepsSinceWrite++;
        StepCost cost = new StepCost(pendingGoalMs);
        pendingGoalMs = 0;
        FrameEncoder.EncodedFrame encoded = null;
        if (stepsInEpisode <= spinSteps) {
            if ((stepsInEpisode - 1) % SPIN_WRITE_EVERY == 0) {
                encoded = write(obs, cost);
            }
            return new AgentStep(Action.TURN_LEFT, null, encoded, cost.latencies(), takeLastWrite());
        }
        boolean stuck = stuck(obs.pose().position());
        boolean due = target == null || stuck
                || (mode == NavigationMode.EXPLORATION && stepsSinceDecision >= settings.redecideEverySteps());
        if (stuck && target != null) {
            blacklist.add(target);
        }
        if (due || stepsSinceWrite >= settings.writeEverySteps()) {
            encoded = write(obs, cost);
        }
        Decision decision = due ? decide(obs, cost) : null;
        Action action = target == null ? null : follower.next(sim, obs.pose(), target);
        if (action == null && mode == NavigationMode.MEMORY_GUIDED && target != null && arrivalChecks < MAX_ARRIVAL_CHECKS) {
            // Arrived where memory put the goal: look again with what the agent sees now before stopping.
            arrivalChecks++;
            Vec3 arrived = target;
            if (encoded == null) {
                encoded = write(obs, cost);
            }
            decision = decide(obs, cost);
            boolean confirmed = mode == NavigationMode.MEMORY_GUIDED && target != null
                    && target.horizontalDistanceTo(obs.pose().position()) <= CONFIRM_RADIUS_M;
            if (!confirmed) {
                if (mode == NavigationMode.EXPLORATION) {
                    blacklist.add(arrived); // the goal is not here after all
                }
                action = target == null ? null : follower.next(sim, obs.pose(), target);
            }
        }
        if (action == null && mode == NavigationMode.EXPLORATION && target != null) {
            blacklist.add(target); // reached or unreachable frontier: look elsewhere
            if (encoded == null) {
                encoded = write(obs, cost);
            }
            decision = decide(obs, cost);
            action = target == null ? null : follower.next(sim, obs.pose(), target);
        }
        if (action == null) {
            action = Action.SUBTASK_STOP; // at the remembered goal, or nothing left to explore
        }
        return new AgentStep(action, decision, encoded, cost.latencies(), takeLastWrite());
    }

    /** The memory write of this step (null if none), cleared for the next step. */
    private MemoryStore.WriteResult takeLastWrite() {
        MemoryStore.WriteResult w = lastWrite;
        lastWrite = null;
        return w;
    }

    private Goal currentGoal() {
        return spec.goals().get(subtask);
    }

    /**
     * Encodes and compresses the current frame into memory. Returns the encoder's patch tokens; what went into
     * memory (the compressed tokens) and what was evicted is kept in {@link #lastWrite} for the step's report.
     */
    private FrameEncoder.EncodedFrame write(Observation obs, StepCost cost) {
        MemoryPipeline.Perception p = pipeline.perceive(obs.rgb());
        PatchTokens t = p.compressed().tokens();
        lastWrite = memory.write(obs.step(), obs.pose(), t.tokenCount(), t.dim(), t.data());
        stepsSinceWrite = 0;
        cost.encoderMs += p.encoderMs();
        cost.compressorMs += p.compressorMs();
        PatchTokens raw = p.patchTokens();
        return new FrameEncoder.EncodedFrame(raw.tokenCount(), raw.dim(), raw.data(), p.encoderMs() + p.compressorMs());
    }

    private Decision decide(Observation obs, StepCost cost) {
        stepsSinceDecision = 0;
        Vec3 here = obs.pose().position();
        List<FrontierCandidates.Candidate> frontiers = frontierCandidates.around(map, here, blacklist, BLACKLIST_RADIUS_M);
        if (frontiers.isEmpty() && !blacklist.isEmpty()) {
            blacklist.clear(); // everything looked done; give skipped frontiers a second chance
            frontiers = frontierCandidates.around(map, here, blacklist, BLACKLIST_RADIUS_M);
        }
        List<MemoryFrame> frames = memory.frames();
        List<FrontierInput> inputs = frontiers.stream().map(f -> new FrontierInput(f.point(), f.geodesicM(), f.cells())).toList();
        PolicyScores scores = pipeline.policy().score(goal.values(), frames, obs.pose(), inputs);
        cost.policyMs += scores.latencyMs();
        cost.decisions++;
        List<Decision.Candidate> candidates = new ArrayList<>();
        List<Vec3> memoryTargets = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            MemoryFrame f = frames.get(i);
            double[] off = scores.memoryOffsets()[i];
            Vec3 point = new LocalFrame(f.pose()).toWorld(off[0], off[1]);
            memoryTargets.add(point);
            candidates.add(new Decision.Candidate("memory:frame#" + f.id() + "@step" + f.step(), point, scores.memoryScores()[i]));
        }
        for (int i = 0; i < frontiers.size(); i++) {
            candidates.add(new Decision.Candidate("frontier", frontiers.get(i).point(), scores.frontierScores()[i]));
        }
        PolicyScores.Choice best = scores.best();
        if (best.memory() && FrontierCandidates.near(memoryTargets.get(best.index()), blacklist, BLACKLIST_RADIUS_M)) {
            best = scores.bestFrontier(); // we already tried to reach that remembered place and could not
        }
        if (best == null) {
            target = null;
            return new Decision(obs.step(), NavigationMode.EXPLORATION, null, candidates, "no reachable frontier left");
        }
        if (best.memory()) {
            MemoryFrame f = frames.get(best.index());
            mode = NavigationMode.MEMORY_GUIDED;
            target = sim.snapPoint(memoryTargets.get(best.index()));
            return new Decision(obs.step(), mode, target, candidates, String.format(Locale.ROOT,
                    "goal judged seen in frame #%d (step %d), score %.2f", f.id(), f.step(), best.score()));
        }
        mode = NavigationMode.EXPLORATION;
        target = frontiers.get(best.index()).point();
        return new Decision(obs.step(), mode, target, candidates, String.format(Locale.ROOT,
                "explore frontier %.1f m away, score %.2f", frontiers.get(best.index()).geodesicM(), best.score()));
    }

    /** True when the agent moved less than {@link #STUCK_DISTANCE_M} over the last window of steps. */
    private boolean stuck(Vec3 position) {
        recentPositions.addLast(position);
        if (recentPositions.size() > STUCK_WINDOW_STEPS) {
            recentPositions.removeFirst();
        }
        if (recentPositions.size() < STUCK_WINDOW_STEPS
                || recentPositions.peekFirst().horizontalDistanceTo(position) >= STUCK_DISTANCE_M) {
            return false;
        }
        recentPositions.clear();
        return true;
    }

    @Override
    public NavigationMode mode() {
        return mode;
    }

    @Override
    public Vec3 target() {
        return target;
    }

    @Override
    public ExploredMap exploredMap() {
        return map;
    }

    @Override
    public MemoryStats memoryStats() {
        return new MemoryStats(memory.size(), memory.totalTokens(), memory.totalBytes(), memory.writes());
    }

    public MemoryAgentSettings settings() {
        return settings;
    }

    /** Inference time spent in one step, by stage. */
    private static final class StepCost {
        double encoderMs;
        double compressorMs;
        final double goalMs;
        double policyMs;
        int decisions;

        StepCost(double goalMs) {
            this.goalMs = goalMs;
        }

        StageLatencies latencies() {
            return new StageLatencies(encoderMs, compressorMs, goalMs, policyMs, decisions);
        }
    }
}
