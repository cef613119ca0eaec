package org.memnav.simbridge.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.AgentConfig;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SceneObject;
import org.memnav.simbridge.api.SemanticImage;
import org.memnav.simbridge.api.SensorSpec;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

/**
 * A small deterministic simulator for tests: two rooms joined by a door on a 0.25 m grid, plus a
 * walled-off pocket nobody can reach. Images are pure functions of pose and step, so two instances
 * fed the same calls give identical answers. It counts overlapping calls to prove serialisation.
 */
public final class FakeSimBackend implements SimBackend {
    public static final double CELL = 0.25;
    public static final int COLS = 32;
    public static final int ROWS = 24;
    /** A point inside the unreachable pocket. */
    public static final Vec3 POCKET_POINT = new Vec3(6.8, 0, 1.1);

    private final SensorSpec sensor;
    private final boolean semanticOn;
    private final AgentConfig agent;
    private final byte[] cells = new byte[COLS * ROWS];
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger closeCount = new AtomicInteger();
    private volatile long callDelayMillis;

    private SceneInfo scene;
    private EpisodeSpec episode;
    private Pose pose = new Pose(new Vec3(1, 0, 1), 0);
    private int step;
    private int subtask;
    private int actionsInSubtask;
    private double pathInSubtask;
    private Vec3 subtaskStart;
    private boolean episodeOver;

    public FakeSimBackend() {
        this(new SensorSpec(64, 48, 90), true);
    }

    public FakeSimBackend(SensorSpec sensor, boolean semanticOn) {
        this.sensor = sensor;
        this.semanticOn = semanticOn;
        this.agent = AgentConfig.goatStretch();
        buildGrid();
    }

    /** Makes every call sleep this long inside the backend, to widen any overlap between calls. */
    public FakeSimBackend withCallDelayMillis(long millis) {
        this.callDelayMillis = millis;
        return this;
    }

    public int maxConcurrentCalls() {
        return maxInFlight.get();
    }

    public int closeCount() {
        return closeCount.get();
    }

    @Override
    public Capabilities capabilities() {
        return guarded(() -> new Capabilities("fake", "fake-grid", agent, sensor,
                semanticOn ? List.of("rgb", "depth", "semantic") : List.of("rgb", "depth"), Arrays.asList(Action.values())));
    }

    @Override
    public SceneInfo loadScene(String sceneRef) {
        return guarded(() -> {
            if (sceneRef.startsWith("missing:")) {
                throw new IllegalArgumentException("no such scene: " + sceneRef);
            }
            scene = new SceneInfo(sceneRef, List.of(
                    new SceneObject(1, "chair", "study", new Vec3(6.5, 0.45, 4.5), new Vec3(0.5, 0.9, 0.5)),
                    new SceneObject(2, "sofa", "living room", new Vec3(2.0, 0.4, 4.5), new Vec3(2.0, 0.8, 0.9)),
                    new SceneObject(3, "plant", "closet", POCKET_POINT, new Vec3(0.3, 1.0, 0.3))));
            episode = null;
            return scene;
        });
    }

    @Override
    public EpisodeStart newEpisode(EpisodeRequest request) {
        return guarded(() -> {
            if (scene == null) {
                throw new IllegalStateException("no scene loaded; call load_scene first");
            }
            long s = Math.floorMod(request.seed(), 1000);
            Vec3 start = new Vec3((2 + s % 10 + 0.5) * CELL, 0, (2 + (s / 10) % 15 + 0.5) * CELL);
            pose = new Pose(start, Pose.wrap(Math.toRadians(30 * (s % 12))));
            List<Goal> goals = new ArrayList<>();
            for (int i = 0; i < request.subtasks(); i++) {
                goals.add(i % 2 == 0 ? Goal.category("chair")
                        : new Goal(GoalModality.LANGUAGE, "sofa", "the grey sofa in the living room", 2));
            }
            episode = new EpisodeSpec("ep-" + request.seed(), scene.sceneId(), request.seed(), pose, goals);
            step = 0;
            subtask = 0;
            actionsInSubtask = 0;
            pathInSubtask = 0;
            subtaskStart = start;
            episodeOver = false;
            return new EpisodeStart(episode, observe(false, null));
        });
    }

    @Override
    public Observation step(Action action) {
        return guarded(() -> {
            if (episode == null) {
                throw new IllegalStateException("no episode started; call new_episode first");
            }
            if (episodeOver) {
                throw new IllegalStateException("episode " + episode.episodeId() + " is over; start a new one");
            }
            step++;
            actionsInSubtask++;
            boolean collided = false;
            SubtaskOutcome outcome = null;
            switch (action) {
                case MOVE_FORWARD -> {
                    Vec3 next = pose.position().plus(scale(pose.forward(), agent.forwardStepM()));
                    if (navigable(next)) {
                        pathInSubtask += agent.forwardStepM();
                        pose = new Pose(next, pose.yaw());
                    } else {
                        collided = true;
                    }
                }
                case TURN_LEFT -> pose = new Pose(pose.position(), Pose.wrap(pose.yaw() + Math.toRadians(agent.turnDeg())));
                case TURN_RIGHT -> pose = new Pose(pose.position(), Pose.wrap(pose.yaw() - Math.toRadians(agent.turnDeg())));
                case LOOK_UP, LOOK_DOWN -> {
                    // The fake has no camera pitch; the action still costs a step.
                }
                case SUBTASK_STOP -> outcome = endSubtask(false);
                case STOP -> {
                    outcome = endSubtask(false);
                    episodeOver = true;
                }
            }
            if (outcome == null && actionsInSubtask >= agent.maxActionsPerSubtask()) {
                outcome = endSubtask(true);
            }
            return observe(collided, outcome);
        });
    }

    @Override
    public Pose agentPose() {
        return guarded(() -> pose);
    }

    @Override
    public void setAgentPose(Pose newPose) {
        guarded(() -> {
            if (!navigable(newPose.position())) {
                throw new IllegalArgumentException("pose " + newPose.position() + " is not navigable");
            }
            pose = newPose;
            return null;
        });
    }

    @Override
    public double geodesicDistance(Vec3 from, Vec3 to) {
        return guarded(() -> {
            List<Vec3> path = findPath(from, to);
            if (path.isEmpty()) {
                return Double.POSITIVE_INFINITY;
            }
            double d = 0;
            for (int i = 1; i < path.size(); i++) {
                d += path.get(i - 1).horizontalDistanceTo(path.get(i));
            }
            return d;
        });
    }

    @Override
    public List<Vec3> shortestPath(Vec3 from, Vec3 to) {
        return guarded(() -> findPath(from, to));
    }

    @Override
    public Vec3 snapPoint(Vec3 p) {
        return guarded(() -> centre(nearestNavigableCell(p)));
    }

    @Override
    public NavigabilityMap navigabilityMap() {
        return guarded(() -> new NavigabilityMap(0, 0, CELL, COLS, ROWS, cells.clone()));
    }

    @Override
    public void close() {
        closeCount.incrementAndGet();
    }

    private SubtaskOutcome endSubtask(boolean budgetExhausted) {
        Goal goal = episode.goals().get(subtask);
        Vec3 target = goalPoint(goal);
        double finalDistance = pose.position().horizontalDistanceTo(target);
        boolean success = !budgetExhausted && finalDistance <= agent.successDistanceM();
        double shortest = pathLength(findPath(subtaskStart, target));
        double spl = success ? shortest / Math.max(shortest, pathInSubtask) : 0;
        SubtaskOutcome outcome = new SubtaskOutcome(subtask, goal, success, spl, shortest, pathInSubtask, actionsInSubtask,
                finalDistance, budgetExhausted);
        subtask++;
        actionsInSubtask = 0;
        pathInSubtask = 0;
        subtaskStart = pose.position();
        if (subtask >= episode.goals().size()) {
            episodeOver = true;
        }
        return outcome;
    }

    private Vec3 goalPoint(Goal goal) {
        for (SceneObject o : scene.objects()) {
            if (o.category().equals(goal.category())) {
                return new Vec3(o.center().x(), 0, o.center().z());
            }
        }
        throw new IllegalStateException("goal category " + goal.category() + " is not in the scene");
    }

    private Observation observe(boolean collided, SubtaskOutcome outcome) {
        int w = sensor.width();
        int h = sensor.height();
        int base = (int) Math.round(pose.position().x() * 100) * 31 + (int) Math.round(pose.position().z() * 100) * 17
                + (int) Math.round(Math.toDegrees(pose.yaw())) * 7 + step;
        byte[] rgb = new byte[w * h * 3];
        float[] depth = new float[w * h];
        int[] ids = semanticOn ? new int[w * h] : null;
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int i = row * w + col;
                rgb[3 * i] = (byte) (base + col);
                rgb[3 * i + 1] = (byte) (base * 3 + row);
                rgb[3 * i + 2] = (byte) (col ^ row ^ base);
                depth[i] = 0.5f + (base % 97) * 0.01f + row * 0.001f + col * 0.0001f;
                if (ids != null) {
                    ids[i] = (col * 4 / w) + (row * 2 / h) * 4 + (base & 3);
                }
            }
        }
        EpisodeStatus status = new EpisodeStatus(Math.min(subtask, episode.goals().size() - 1), episode.goals().size(),
                actionsInSubtask, episodeOver, outcome);
        return new Observation(step, pose, collided, new RgbImage(w, h, rgb), new DepthImage(w, h, depth),
                ids == null ? null : new SemanticImage(w, h, ids), status);
    }

    private void buildGrid() {
        for (int row = 1; row < ROWS - 1; row++) {
            for (int col = 1; col < COLS - 1; col++) {
                cells[row * COLS + col] = 1;
            }
        }
        // A wall between the rooms at col 16 with a door in rows 10..12.
        for (int row = 0; row < ROWS; row++) {
            if (row < 10 || row > 12) {
                cells[row * COLS + 16] = 0;
            }
        }
        // A closed pocket: walls around cols 24..30, rows 1..6; its inside stays navigable but unreachable.
        for (int col = 24; col <= 30; col++) {
            cells[6 * COLS + col] = 0;
        }
        for (int row = 1; row <= 6; row++) {
            cells[row * COLS + 24] = 0;
        }
    }

    private boolean navigable(Vec3 p) {
        int col = (int) Math.floor(p.x() / CELL);
        int row = (int) Math.floor(p.z() / CELL);
        return navigableCell(col, row);
    }

    private boolean navigableCell(int col, int row) {
        return col >= 0 && row >= 0 && col < COLS && row < ROWS && cells[row * COLS + col] != 0;
    }

    private int nearestNavigableCell(Vec3 p) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != 0) {
                double d = centre(i).horizontalDistanceTo(p);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    private static Vec3 centre(int cell) {
        return new Vec3((cell % COLS + 0.5) * CELL, 0, (cell / COLS + 0.5) * CELL);
    }

    /** Dijkstra over 8-connected cells without cutting corners; the path runs from and to the snapped cells. */
    private List<Vec3> findPath(Vec3 from, Vec3 to) {
        int start = nearestNavigableCell(from);
        int goal = nearestNavigableCell(to);
        double[] dist = new double[cells.length];
        int[] prev = new int[cells.length];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(prev, -1);
        dist[start] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        queue.add(new double[] {0, start});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int cell = (int) top[1];
            if (top[0] > dist[cell]) {
                continue;
            }
            if (cell == goal) {
                break;
            }
            int col = cell % COLS;
            int row = cell / COLS;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    if ((dr == 0 && dc == 0) || !navigableCell(col + dc, row + dr)) {
                        continue;
                    }
                    if (dr != 0 && dc != 0 && (!navigableCell(col + dc, row) || !navigableCell(col, row + dr))) {
                        continue;
                    }
                    int next = (row + dr) * COLS + col + dc;
                    double nd = dist[cell] + CELL * Math.hypot(dr, dc);
                    if (nd < dist[next]) {
                        dist[next] = nd;
                        prev[next] = cell;
                        queue.add(new double[] {nd, next});
                    }
                }
            }
        }
        if (Double.isInfinite(dist[goal])) {
            return List.of();
        }
        ArrayDeque<Vec3> path = new ArrayDeque<>();
        for (int c = goal; c != -1; c = prev[c]) {
            path.addFirst(centre(c));
        }
        return Collections.unmodifiableList(new ArrayList<>(path));
    }

    private static double pathLength(List<Vec3> path) {
        if (path.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double d = 0;
        for (int i = 1; i < path.size(); i++) {
            d += path.get(i - 1).horizontalDistanceTo(path.get(i));
        }
        return d;
    }

    private static Vec3 scale(Vec3 v, double s) {
        return new Vec3(v.x() * s, v.y() * s, v.z() * s);
    }

    /** Runs a call, recording how many overlap; optionally dawdles inside to make overlaps likely if unserialised. */
    private <T> T guarded(Supplier<T> call) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            long delay = callDelayMillis;
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return call.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
