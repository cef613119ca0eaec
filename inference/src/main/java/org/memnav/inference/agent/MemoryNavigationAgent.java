package org.memnav.inference.agent;

import org.memnav.inference.goal.GoalVector;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.FrameMemory;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.inference.strategy.AlwaysWrite;
import org.memnav.inference.strategy.GoalKeys;
import org.memnav.inference.strategy.MemoryEvent;
import org.memnav.inference.strategy.MemoryFootprint;
import org.memnav.inference.strategy.MemoryStrategy;
import org.memnav.inference.strategy.PolicyProbe;
import org.memnav.inference.strategy.WindowMemoryStrategy;
import org.memnav.inference.strategy.WriteCue;
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
import java.util.concurrent.atomic.AtomicReference;

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
 *
 * <p>What is written, what the policy reads and what is kept from decisions is the {@link MemoryStrategy}'s
 * job (the memory arms differ only there). The agent offers its frame at every step (the strategy's write policy
 * says whether it is even encoded), asks the strategy for the frames to score at each decision and tells it what
 * was chosen, re-checked and where it stopped; the strategy's events go out with the step.
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
    private MemoryPipeline pipeline; // replaced only on the agent's thread, by a live settings request
    private final MemoryAgentSettings settings;
    /** Only the default FIFO window takes live settings; other strategies keep what they were built with. */
    private final WindowMemoryStrategy liveWindow;
    private final AtomicReference<LiveSettings> pendingSettings = new AtomicReference<>();
    private volatile LiveSettings.Applied appliedSettings;
    private final CameraModel camera;
    private final int spinSteps;
    private final PathFollower follower;
    private final MemoryStrategy memory;
    private FrontierCandidates frontierCandidates;

    private ExploredMap map;
    private final List<Vec3> blacklist = new ArrayList<>();
    private final ArrayDeque<Vec3> recentPositions = new ArrayDeque<>();
    private EpisodeSpec spec;
    private int subtask;
    private int stepsInEpisode;
    private int stepsSinceDecision;
    private int stepsSinceOffer;
    private boolean offeredThisStep;
    private StepProbe probe;
    private Vec3 target;
    private NavigationMode mode = NavigationMode.EXPLORATION;
    private GoalVector goal;
    private int arrivalChecks;
    private double pendingGoalMs;

    /** The AstraNav agent: FIFO memory, every scheduled frame written (one frame, forgotten per subtask, when not lifelong). */
    public MemoryNavigationAgent(SimBackend sim, MemoryPipeline pipeline, MemoryAgentSettings settings) {
        this(sim, pipeline, settings, new WindowMemoryStrategy(new MemoryStore(settings.lifelong() ? settings.memoryLength() : 1),
                new AlwaysWrite(), settings.lifelong()), true);
    }

    public MemoryNavigationAgent(SimBackend sim, MemoryPipeline pipeline, MemoryAgentSettings settings, MemoryStrategy memory) {
        this(sim, pipeline, settings, memory, false);
    }

    private MemoryNavigationAgent(SimBackend sim, MemoryPipeline pipeline, MemoryAgentSettings settings, MemoryStrategy memory,
                                  boolean defaultWindow) {
        this.liveWindow = defaultWindow ? (WindowMemoryStrategy) memory : null;
        this.sim = sim;
        this.pipeline = pipeline;
        this.settings = settings;
        Capabilities caps = sim.capabilities();
        this.camera = new CameraModel(caps.sensor().width(), caps.sensor().height(), caps.sensor().hfovDeg(),
                caps.agent().cameraHeightM());
        this.spinSteps = (int) Math.round(360 / caps.agent().turnDeg());
        this.follower = new PathFollower(caps.agent().turnDeg(), caps.agent().forwardStepM());
        this.memory = memory;
    }

    @Override
    public void startEpisode(EpisodeSpec newSpec) {
        spec = newSpec;
        if (frontierCandidates == null) {
            frontierCandidates = new FrontierCandidates(sim.navigabilityMap());
        }
        resetExploration(newSpec.start().position());
        memory.startEpisode();
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

    /** Whether {@link #requestSettings} is honoured: the default FIFO strategy (astranav, frontier) only. */
    public boolean acceptsLiveSettings() {
        return liveWindow != null;
    }

    /**
     * Asks for another rate and memory length from the next step on; safe from any thread (the newest request
     * wins). The agent applies it at the start of its next {@link #act}, see {@link #appliedSettings()}.
     */
    public void requestSettings(LiveSettings requested) {
        if (!acceptsLiveSettings()) {
            throw new IllegalStateException("only the default FIFO memory takes live settings");
        }
        pendingSettings.set(requested);
    }

    /** The last live settings applied and the step they apply from; null before any. */
    public LiveSettings.Applied appliedSettings() {
        return appliedSettings;
    }

    /**
     * Applies a pending request on the agent's thread. Frames in memory were compressed at the old rate and the
     * new rate's policy cannot read them (another token count per frame): they are evicted and the memory refills
     * at the new rate. The memoryless baseline keeps its one frame whatever the length.
     */
    private void applyPendingSettings(int step) {
        LiveSettings s = pendingSettings.getAndSet(null);
        if (s == null) {
            return;
        }
        if (s.pipeline() != pipeline) {
            if (s.rate() != pipeline.rate()) {
                liveWindow.evictAll(step, "rate changed to " + s.rate() + "x");
            }
            pipeline = s.pipeline();
            if (goal != null) {
                goal = pipeline.goals().encode(currentGoal()); // image goals go through the compressor
                pendingGoalMs += goal.latencyMs();
            }
        }
        if (settings.lifelong()) {
            liveWindow.resize(step, s.memoryLength());
        }
        appliedSettings = new LiveSettings.Applied(step, pipeline.rate(), s.memoryLength());
    }

    @Override
    public AgentStep act(Observation obs) {
        offeredThisStep = false;
        applyPendingSettings(obs.step());
        if (obs.status().subtaskIndex() != subtask) {
            subtask = obs.status().subtaskIndex();
            if (!settings.lifelong() && subtask > 0) {
                resetExploration(obs.pose().position());
            }
            target = null;
            mode = NavigationMode.EXPLORATION;
            arrivalChecks = 0;
            goal = pipeline.goals().encode(currentGoal());
            pendingGoalMs = goal.latencyMs();
            memory.startSubtask(obs.step(), subtask, GoalKeys.of(currentGoal()), obs.pose());
        }
        map.integrate(obs.depth(), obs.pose(), camera);
        stepsInEpisode++;
        stepsSinceDecision++;
        stepsSinceOffer++;
        StepCost cost = new StepCost(pendingGoalMs);
        probe = new StepProbe(obs, cost);
        pendingGoalMs = 0;
        FrameEncoder.EncodedFrame encoded;
        if (stepsInEpisode <= spinSteps) {
            encoded = offerFrame(obs, cost, (stepsInEpisode - 1) % SPIN_WRITE_EVERY == 0, false);
            return step(Action.TURN_LEFT, null, encoded, cost);
        }
        boolean stuck = stuck(obs.pose().position());
        boolean due = target == null || stuck
                || (mode == NavigationMode.EXPLORATION && stepsSinceDecision >= settings.redecideEverySteps());
        if (stuck && target != null) {
            blacklist.add(target);
        }
        encoded = offerFrame(obs, cost, due || stepsSinceOffer >= settings.writeEverySteps(), due && memory.footprint().frames() == 0);
        Decision decision = due ? decide(obs, cost) : null;
        Action action = target == null ? null : follower.next(sim, obs.pose(), target);
        if (action == null && mode == NavigationMode.MEMORY_GUIDED && target != null && arrivalChecks < MAX_ARRIVAL_CHECKS) {
            // Arrived where memory put the goal: look again with what the agent sees now before stopping.
            arrivalChecks++;
            Vec3 arrived = target;
            encoded = orEncoded(encoded, offerFrame(obs, cost, true, false));
            decision = decide(obs, cost);
            boolean confirmed = mode == NavigationMode.MEMORY_GUIDED && target != null
                    && target.horizontalDistanceTo(obs.pose().position()) <= CONFIRM_RADIUS_M;
            memory.arrivalChecked(obs.step(), arrived, confirmed);
            if (!confirmed) {
                if (mode == NavigationMode.EXPLORATION) {
                    blacklist.add(arrived); // the goal is not here after all
                }
                action = target == null ? null : follower.next(sim, obs.pose(), target);
            }
        }
        if (action == null && mode == NavigationMode.EXPLORATION && target != null) {
            blacklist.add(target); // reached or unreachable frontier: look elsewhere
            encoded = orEncoded(encoded, offerFrame(obs, cost, true, false));
            decision = decide(obs, cost);
            action = target == null ? null : follower.next(sim, obs.pose(), target);
        }
        if (action == null) {
            action = Action.SUBTASK_STOP; // at the remembered goal, or nothing left to explore
            memory.stopped(obs.step(), obs.pose(), mode == NavigationMode.MEMORY_GUIDED);
        }
        return step(action, decision, encoded, cost);
    }

    private static FrameEncoder.EncodedFrame orEncoded(FrameEncoder.EncodedFrame first, FrameEncoder.EncodedFrame second) {
        return first != null ? first : second;
    }

    /** The step's report: the strategy's memory events (and the frame write among them, for older listeners). */
    private AgentStep step(Action action, Decision decision, FrameEncoder.EncodedFrame encoded, StepCost cost) {
        List<MemoryEvent> events = memory.drainEvents();
        MemoryFrame written = null;
        MemoryFrame displaced = null;
        boolean merged = false;
        for (MemoryEvent e : events) {
            switch (e.kind()) {
                case WRITE -> written = e.frame();
                case EVICT -> displaced = e.frame();
                case MERGE -> {
                    displaced = e.frame();
                    merged = true;
                }
                default -> { }
            }
        }
        FrameMemory.WriteResult write = written == null ? null : new FrameMemory.WriteResult(written, displaced, merged);
        return new AgentStep(action, decision, encoded, cost.latencies(), write, events, memory.drainTiers());
    }

    private Goal currentGoal() {
        return spec.goals().get(subtask);
    }

    /**
     * Offers this step's frame to the memory strategy, at most once a step: encoded and compressed only when the
     * strategy's write policy considers it. Returns the encoder's patch tokens (null when not encoded).
     */
    private FrameEncoder.EncodedFrame offerFrame(Observation obs, StepCost cost, boolean scheduled, boolean forced) {
        if (offeredThisStep) {
            return null;
        }
        offeredThisStep = true;
        if (scheduled) {
            stepsSinceOffer = 0;
        }
        if (!memory.considersWrite(new WriteCue(stepsInEpisode, scheduled, forced))) {
            return null;
        }
        MemoryPipeline.Perception p = pipeline.perceive(obs.rgb());
        PatchTokens t = p.compressed().tokens();
        memory.offer(new MemoryFrame(0, obs.step(), obs.pose(), t.tokenCount(), t.dim(), t.data()), probe);
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
        List<MemoryFrame> frames = memory.recall(obs.step(), obs.pose(), probe);
        if (frames.isEmpty()) {
            return nearestFrontier(obs, frontiers);
        }
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
            memory.decided(obs.step(), obs.pose(), frames, scores, null, null);
            return new Decision(obs.step(), NavigationMode.EXPLORATION, null, candidates, "no reachable frontier left");
        }
        if (best.memory()) {
            MemoryFrame f = frames.get(best.index());
            mode = NavigationMode.MEMORY_GUIDED;
            target = sim.snapPoint(memoryTargets.get(best.index()));
            memory.decided(obs.step(), obs.pose(), frames, scores, best, target);
            return new Decision(obs.step(), mode, target, candidates, String.format(Locale.ROOT,
                    "goal judged seen in frame #%d (step %d), score %.2f", f.id(), f.step(), best.score()));
        }
        mode = NavigationMode.EXPLORATION;
        target = frontiers.get(best.index()).point();
        memory.decided(obs.step(), obs.pose(), frames, scores, best, target);
        return new Decision(obs.step(), mode, target, candidates, String.format(Locale.ROOT,
                "explore frontier %.1f m away, score %.2f", frontiers.get(best.index()).geodesicM(), best.score()));
    }

    /** Without any remembered frame the policy cannot run: head for the nearest frontier. */
    private Decision nearestFrontier(Observation obs, List<FrontierCandidates.Candidate> frontiers) {
        mode = NavigationMode.EXPLORATION;
        List<Decision.Candidate> candidates = frontiers.stream()
                .map(f -> new Decision.Candidate("frontier", f.point(), -f.geodesicM())).toList();
        target = frontiers.isEmpty() ? null : frontiers.get(0).point();
        return new Decision(obs.step(), mode, target, candidates, target == null ? "no reachable frontier left"
                : "no memory to read yet: nearest frontier");
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
        MemoryFootprint f = memory.footprint();
        return new MemoryStats(f.frames(), f.tokens(), f.bytes(), f.writes());
    }

    public MemoryAgentSettings settings() {
        return settings;
    }

    public MemoryStrategy memoryStrategy() {
        return memory;
    }

    /** The policy at this step's goal and pose, over the frontiers of the map as it is now (computed on first use). */
    private final class StepProbe implements PolicyProbe {
        private final Observation obs;
        private final StepCost cost;
        private List<FrontierInput> frontiers;

        StepProbe(Observation obs, StepCost cost) {
            this.obs = obs;
            this.cost = cost;
        }

        @Override
        public PolicyScores score(List<MemoryFrame> frames) {
            if (frontiers == null) {
                frontiers = frontierCandidates.around(map, obs.pose().position(), blacklist, BLACKLIST_RADIUS_M).stream()
                        .map(f -> new FrontierInput(f.point(), f.geodesicM(), f.cells())).toList();
            }
            PolicyScores scores = pipeline.policy().score(goal.values(), frames, obs.pose(), frontiers);
            cost.policyMs += scores.latencyMs();
            cost.probes++;
            return scores;
        }

        @Override
        public float[] goal() {
            return goal.values();
        }
    }

    /** Inference time spent in one step, by stage. */
    private static final class StepCost {
        double encoderMs;
        double compressorMs;
        final double goalMs;
        double policyMs;
        int decisions;
        /** Policy runs that were not decisions (a write gate's or trigger's "what if"); their time is in policyMs. */
        int probes;

        StepCost(double goalMs) {
            this.goalMs = goalMs;
        }

        StageLatencies latencies() {
            return new StageLatencies(encoderMs, compressorMs, goalMs, policyMs, decisions);
        }
    }
}
