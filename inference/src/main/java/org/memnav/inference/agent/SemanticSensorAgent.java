package org.memnav.inference.agent;

import org.memnav.inference.memory.FrameMemory;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The walking-skeleton agent, kept as a reference: looks around once, explores frontiers of its own
 * depth-built map, and goes straight to a goal it has already seen (in this subtask or an earlier one
 * of the lifelong episode). It recognises goals through the simulator's SEMANTIC SENSOR (ground-truth
 * instance ids), not through learned features, so it is an upper reference for recognition rather than
 * a learned agent; {@link MemoryNavigationAgent} is the learned pipeline. Every decision frame goes
 * through the ONNX encoder into the frame memory, which its decisions do not read.
 */
public final class SemanticSensorAgent implements NavigationAgent {

    private static final int REDECIDE_EVERY_STEPS = 15;
    private static final double BLACKLIST_RADIUS_M = 1.0;
    private static final int STUCK_WINDOW_STEPS = 24;
    private static final double STUCK_DISTANCE_M = 0.3;

    private final SimBackend sim;
    private final SceneInfo scene;
    private final FrameEncoder encoder;
    private final CameraModel camera;
    private final int spinSteps;
    private FrontierCandidates frontierCandidates;
    private final MemoryStore memory;
    private final PathFollower follower;

    private ExploredMap map;
    private ObjectSightings sightings;
    private List<Vec3> blacklist;
    private EpisodeSpec spec;
    private int subtask = -1;
    private int stepsInEpisode;
    private int stepsSinceDecision;
    private final ArrayDeque<Vec3> recentPositions = new ArrayDeque<>();
    private Vec3 target;
    private NavigationMode mode = NavigationMode.EXPLORATION;

    public SemanticSensorAgent(SimBackend sim, SceneInfo scene, FrameEncoder encoder, int memoryLength) {
        this.sim = sim;
        this.scene = scene;
        this.encoder = encoder;
        Capabilities caps = sim.capabilities();
        this.camera = new CameraModel(caps.sensor().width(), caps.sensor().height(), caps.sensor().hfovDeg(),
                caps.agent().cameraHeightM());
        this.spinSteps = (int) Math.round(360 / caps.agent().turnDeg());
        this.follower = new PathFollower(caps.agent().turnDeg(), caps.agent().forwardStepM());
        this.memory = new MemoryStore(memoryLength);
    }

    @Override
    public void startEpisode(EpisodeSpec newSpec) {
        spec = newSpec;
        if (frontierCandidates == null) {
            frontierCandidates = new FrontierCandidates(sim.navigabilityMap());
        }
        map = new ExploredMap(newSpec.start().position(), 60, 0.1);
        sightings = new ObjectSightings();
        blacklist = new ArrayList<>();
        memory.clear();
        subtask = -1;
        stepsInEpisode = 0;
        recentPositions.clear();
        target = null;
    }

    @Override
    public AgentStep act(Observation obs) {
        map.integrate(obs.depth(), obs.pose(), camera);
        if (obs.semantic() != null) {
            sightings.integrate(obs.semantic(), obs.depth(), obs.pose(), camera, scene);
        }
        if (obs.status().subtaskIndex() != subtask) {
            subtask = obs.status().subtaskIndex();
            target = null;
            mode = NavigationMode.EXPLORATION;
        }
        stepsInEpisode++;
        stepsSinceDecision++;
        if (stepsInEpisode <= spinSteps) {
            return new AgentStep(Action.TURN_LEFT, null, null);
        }
        boolean stuck = stuck(obs.pose().position());
        Goal goal = spec.goals().get(subtask);
        Decision decision = null;
        boolean goalSeen = !sightings.ofCategory(goal.category()).isEmpty();
        if (target == null || stuck
                || (mode == NavigationMode.EXPLORATION && (goalSeen || stepsSinceDecision >= REDECIDE_EVERY_STEPS))) {
            if (stuck && target != null) {
                blacklist.add(target);
            }
            decision = decide(obs, goal);
        }
        Action action = target == null ? null : follower.next(sim, obs.pose(), target);
        if (action == null && mode == NavigationMode.EXPLORATION && target != null) {
            blacklist.add(target); // reached or unreachable frontier: look elsewhere
            decision = decide(obs, goal);
            action = target == null ? null : follower.next(sim, obs.pose(), target);
        }
        if (action == null) {
            action = Action.SUBTASK_STOP; // at the remembered goal, or nothing left to explore
        }
        FrameEncoder.EncodedFrame encoded = null;
        FrameMemory.WriteResult written = null;
        if (decision != null) {
            encoded = encoder.encode(obs.rgb());
            written = memory.write(obs.step(), obs.pose(), encoded.tokens(), encoded.dim(), encoded.data());
        }
        StageLatencies latency = encoded == null ? StageLatencies.NONE : new StageLatencies(encoded.latencyMs(), 0, 0, 0, 0);
        return new AgentStep(action, decision, encoded, latency, written);
    }

    private Decision decide(Observation obs, Goal goal) {
        stepsSinceDecision = 0;
        Vec3 here = obs.pose().position();
        List<Decision.Candidate> candidates = new ArrayList<>();
        Vec3 best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (ObjectSightings.Sighting s : sightings.ofCategory(goal.category())) {
            Vec3 snapped = sim.snapPoint(s.position());
            double cost = sim.geodesicDistance(here, snapped);
            candidates.add(new Decision.Candidate("memory:" + s.category() + "#" + s.instanceId(), snapped, cost));
            if (cost < bestCost && !blacklisted(snapped)) {
                bestCost = cost;
                best = snapped;
            }
        }
        if (best != null) {
            return choose(obs, NavigationMode.MEMORY_GUIDED, best, candidates, "goal '" + goal.category() + "' seen before");
        }
        for (FrontierCandidates.Candidate f : frontierCandidates.around(map, here, blacklist, BLACKLIST_RADIUS_M)) {
            candidates.add(new Decision.Candidate("frontier", f.point(), f.geodesicM()));
            if (f.geodesicM() < bestCost) {
                bestCost = f.geodesicM();
                best = f.point();
            }
        }
        if (best == null && !blacklist.isEmpty()) {
            blacklist.clear(); // everything looked done; give the frontiers we skipped a second chance
            return decide(obs, goal);
        }
        if (best == null) {
            target = null;
            return new Decision(obs.step(), NavigationMode.EXPLORATION, null, candidates, "no reachable frontier left");
        }
        return choose(obs, NavigationMode.EXPLORATION, best, candidates, "nearest frontier");
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

    private Decision choose(Observation obs, NavigationMode newMode, Vec3 point, List<Decision.Candidate> candidates,
                            String reason) {
        mode = newMode;
        target = point;
        return new Decision(obs.step(), newMode, point, candidates, reason);
    }

    private boolean blacklisted(Vec3 p) {
        return FrontierCandidates.near(p, blacklist, BLACKLIST_RADIUS_M);
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
}
