package org.memnav.scenes.sim;

import org.memnav.renderers.gl.CameraView;
import org.memnav.renderers.gl.OffscreenRenderer;
import org.memnav.renderers.gl.RenderScene;
import org.memnav.renderers.gl.SensorFrame;
import org.memnav.scenes.episode.GoalCamera;
import org.memnav.scenes.episode.GoalRegion;
import org.memnav.scenes.episode.GoalRegions;
import org.memnav.scenes.episode.LifelongEpisodeGenerator;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.Episode;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.GreedyFollower;
import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.stage.GlbStageImporter;
import org.memnav.scenes.stage.GlbStageImporter.ImportedStage;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.AgentConfig;
import org.memnav.simbridge.api.Capabilities;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeStart;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SceneObject;
import org.memnav.simbridge.api.SemanticImage;
import org.memnav.simbridge.api.SensorSpec;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded default simulator: procedural or file scenes, grid navigation with GOAT Stretch
 * actions (no sliding on collision unless asked), GOAT-style lifelong episodes judged as GOAT-Bench
 * does, and sensors (RGB, depth in metres, instance ids) rendered offscreen with OpenGL on EGL
 * surfaceless. Like Habitat-Sim it is single-threaded; the server serialises calls into it.
 *
 * <p>Besides the {@link SimBackend} calls that travel over the socket it offers Java-only calls
 * that the wire does not carry (yet): {@link #isNavigable}, {@link #nextActionToward} (a greedy
 * geodesic follower), and ground truth for oracles and metrics ({@link #episode()},
 * {@link #distanceToGoal()}, {@link #pathToGoal()}).
 */
public final class EmbeddedSimulator implements SimBackend {

    public static final String NAME = "memnav-embedded";
    private static final double CELL = 0.05;

    private final SimulatorOptions options;
    private final AgentConfig agent;
    private final SensorSpec sensor;
    private OffscreenRenderer renderer;
    private SceneLayout layout;
    private RenderScene geometry;
    private OccupancyGrid grid;
    private GridPathFinder pathFinder;
    private GreedyFollower follower;
    private GoalRegions goalRegions;
    private EpisodeTracker tracker;
    private Pose pose = new Pose(Vec3.ORIGIN, 0);
    private double pitch;
    private int step;

    public EmbeddedSimulator(SimulatorOptions options) {
        this.options = options;
        this.agent = options.agent();
        this.sensor = options.sensor();
    }

    public EmbeddedSimulator(AgentConfig agent, SensorSpec sensor, boolean semanticSensor) {
        this(SimulatorOptions.defaults().withAgent(agent).withSensor(sensor).withSemanticSensor(semanticSensor));
    }

    /** GOAT Stretch agent, 256x256 camera with a 90 degree field of view, semantic sensor on: what the app uses. */
    public static EmbeddedSimulator withDefaults() {
        return new EmbeddedSimulator(SimulatorOptions.defaults());
    }

    public SimulatorOptions options() {
        return options;
    }

    @Override
    public Capabilities capabilities() {
        List<String> sensors = options.semanticSensor() ? List.of("rgb", "depth", "semantic") : List.of("rgb", "depth");
        return new Capabilities("1.0", NAME, agent, sensor, sensors, List.of(Action.values()));
    }

    @Override
    public SceneInfo loadScene(String sceneRef) {
        if (sceneRef != null && sceneRef.endsWith(".glb")) {
            ImportedStage stage;
            try {
                stage = new GlbStageImporter(agent.radiusM(), agent.heightM(), CELL).load(Path.of(sceneRef));
            } catch (IllegalArgumentException e) {
                throw new SimException("unknown_scene", e.getMessage(), e);
            }
            return install(stage.layout(), stage.grid(), stage.geometry());
        }
        return load(SceneRef.resolve(sceneRef, agent.radiusM()));
    }

    /** Loads an already built layout (tests, the scene generator CLI). */
    public SceneInfo load(SceneLayout newLayout) {
        OccupancyGrid newGrid = OccupancyGrid.build(newLayout, agent.radiusM(), CELL);
        if (newGrid.navigableCount() == 0) {
            throw new SimException("unknown_scene", "scene " + newLayout.sceneId() + " has no place where an agent of radius "
                    + agent.radiusM() + " m can stand");
        }
        return install(newLayout, newGrid, LayoutGeometry.toRenderScene(newLayout, true));
    }

    /** Installs a scene: its model, where the agent may stand, and what the sensors see. */
    private SceneInfo install(SceneLayout newLayout, OccupancyGrid newGrid, RenderScene newGeometry) {
        this.layout = newLayout;
        this.grid = newGrid;
        this.geometry = newGeometry;
        this.pathFinder = new GridPathFinder(grid);
        this.follower = new GreedyFollower(pathFinder, agent.forwardStepM(), agent.turnDeg());
        this.goalRegions = new GoalRegions(newLayout, pathFinder);
        this.tracker = null;
        if (renderer != null) {
            renderer.upload(geometry);
        }
        return sceneInfo();
    }

    public SceneLayout layout() {
        requireScene();
        return layout;
    }

    public OccupancyGrid grid() {
        requireScene();
        return grid;
    }

    public GridPathFinder pathFinder() {
        requireScene();
        return pathFinder;
    }

    private SceneInfo sceneInfo() {
        List<SceneObject> objects = new ArrayList<>();
        for (PlacedObject o : layout.objects()) {
            Room room = layout.room(o.roomId());
            objects.add(new SceneObject(o.instanceId(), o.category(), room == null ? "" : room.type(),
                    new Vec3(o.centreX(), o.height() / 2, o.centreZ()), new Vec3(o.width(), o.height(), o.depth())));
        }
        return new SceneInfo(layout.sceneId(), objects);
    }

    @Override
    public EpisodeStart newEpisode(EpisodeRequest request) {
        requireScene();
        Episode episode;
        try {
            episode = new LifelongEpisodeGenerator(goalRegions, goalCamera(), agent.successDistanceM()).generate(request);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new SimException("bad_episode", e.getMessage(), e);
        }
        pose = episode.spec().start();
        pitch = 0;
        step = 0;
        tracker = new EpisodeTracker(episode, pathFinder, agent.successDistanceM(), agent.maxActionsPerSubtask(),
                pose.position());
        return new EpisodeStart(episode.spec(), observe(false, null));
    }

    @Override
    public Observation step(Action action) {
        if (tracker == null) {
            throw new SimException("no_episode", "step before new_episode: start an episode first");
        }
        if (tracker.over()) {
            throw new SimException("episode_over", "the episode is over; start a new one");
        }
        if (action == null) {
            throw new SimException("bad_action", "step needs an action");
        }
        step++;
        boolean collided = false;
        double moved = 0;
        SubtaskOutcome outcome = null;
        switch (action) {
            case MOVE_FORWARD -> {
                Vec3 from = pose.position();
                Vec3 target = from.plus(scale(pose.forward(), agent.forwardStepM()));
                if (pathFinder.lineOfSight(from.x(), from.z(), target.x(), target.z())) {
                    moved = agent.forwardStepM();
                    pose = new Pose(target, pose.yaw());
                } else {
                    collided = true; // no sliding: a blocked step leaves the agent where it was
                    if (options.allowSliding()) {
                        Vec3 slid = slide(from, target);
                        moved = slid.horizontalDistanceTo(from);
                        pose = new Pose(slid, pose.yaw());
                    }
                }
            }
            case TURN_LEFT -> pose = new Pose(pose.position(), Pose.wrap(pose.yaw() + Math.toRadians(agent.turnDeg())));
            case TURN_RIGHT -> pose = new Pose(pose.position(), Pose.wrap(pose.yaw() - Math.toRadians(agent.turnDeg())));
            case LOOK_UP -> pitch = Math.min(Math.toRadians(options.maxPitchDeg()), pitch + Math.toRadians(agent.lookDeg()));
            case LOOK_DOWN -> pitch = Math.max(-Math.toRadians(options.maxPitchDeg()), pitch - Math.toRadians(agent.lookDeg()));
            case SUBTASK_STOP -> outcome = tracker.finish(pose.position(), false);
            case STOP -> {
                outcome = tracker.finish(pose.position(), false);
                tracker.endEpisode();
            }
        }
        if (outcome == null) {
            outcome = tracker.countAction(moved, pose.position());
        }
        return observe(collided, outcome);
    }

    /** Habitat-style sliding: keep whichever axis-aligned part of the blocked step is free (the longer one). */
    private Vec3 slide(Vec3 from, Vec3 target) {
        Vec3 alongX = new Vec3(target.x(), from.y(), from.z());
        Vec3 alongZ = new Vec3(from.x(), from.y(), target.z());
        boolean xFree = pathFinder.lineOfSight(from.x(), from.z(), alongX.x(), alongX.z());
        boolean zFree = pathFinder.lineOfSight(from.x(), from.z(), alongZ.x(), alongZ.z());
        double dx = Math.abs(target.x() - from.x());
        double dz = Math.abs(target.z() - from.z());
        if (xFree && (!zFree || dx >= dz)) {
            return alongX;
        }
        return zFree ? alongZ : from;
    }

    private static Vec3 scale(Vec3 v, double s) {
        return new Vec3(v.x() * s, v.y() * s, v.z() * s);
    }

    private Observation observe(boolean collided, SubtaskOutcome outcome) {
        SensorFrame frame = render(pose, pitch);
        RgbImage rgb = new RgbImage(frame.width(), frame.height(), frame.rgb());
        DepthImage depth = new DepthImage(frame.width(), frame.height(), frame.depth());
        SemanticImage semantic = options.semanticSensor()
                ? new SemanticImage(frame.width(), frame.height(), frame.instanceIds()) : null;
        return new Observation(step, pose, collided, rgb, depth, semantic, tracker.status(outcome));
    }

    /** Renders the sensors from any pose (previews, goal pictures); does not move the agent. */
    public SensorFrame render(Pose at, double atPitch) {
        requireScene();
        return renderer().render(CameraView.of(at.position().x(), at.position().y() + agent.cameraHeightM(),
                at.position().z(), at.yaw(), atPitch, sensor.hfovDeg(), sensor.width(), sensor.height()));
    }

    /** Goal pictures at the sensor's field of view, at most 256 pixels on the long side (they travel as JSON). */
    private GoalCamera goalCamera() {
        double shrink = Math.min(1.0, 256.0 / Math.max(sensor.width(), sensor.height()));
        int w = Math.max(16, (int) Math.round(sensor.width() * shrink));
        int h = Math.max(16, (int) Math.round(sensor.height() * shrink));
        return new GoalCamera() {
            @Override
            public Picture shoot(double x, double z, double yaw, double cameraPitch) {
                SensorFrame f = renderer().render(CameraView.of(x, agent.cameraHeightM(), z, yaw, cameraPitch,
                        sensor.hfovDeg(), w, h));
                return new Picture(new RgbImage(f.width(), f.height(), f.rgb()), f.instanceIds());
            }

            @Override
            public double cameraHeight() {
                return agent.cameraHeightM();
            }

            @Override
            public double hfovDeg() {
                return sensor.hfovDeg();
            }
        };
    }

    /** GL_RENDERER and GL_VERSION of the sensor renderer (starts it if needed). */
    public String rendererDescription() {
        requireScene();
        return renderer().description();
    }

    private OffscreenRenderer renderer() {
        if (renderer == null) {
            renderer = OffscreenRenderer.create();
            renderer.upload(geometry);
        }
        return renderer;
    }

    @Override
    public Pose agentPose() {
        return pose;
    }

    @Override
    public void setAgentPose(Pose newPose) {
        requireScene();
        if (newPose == null || newPose.position() == null) {
            throw new SimException("bad_pose", "pose.position is missing");
        }
        Vec3 p = newPose.position();
        if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(p.z())) {
            throw new SimException("bad_pose", "pose.position " + p + " has a coordinate that is not a finite number");
        }
        if (!Double.isFinite(newPose.yaw())) {
            throw new SimException("bad_pose", "pose.yaw " + newPose.yaw() + " is not a finite number");
        }
        if (!grid.contains(p.x(), p.z())) {
            throw new SimException("bad_pose", String.format(Locale.ROOT,
                    "pose.position (x %.2f, z %.2f) is outside scene %s, which spans x %.2f..%.2f and z %.2f..%.2f", p.x(),
                    p.z(), layout.sceneId(), grid.originX(), grid.originX() + grid.width() * grid.cellSize(), grid.originZ(),
                    grid.originZ() + grid.height() * grid.cellSize()));
        }
        if (!grid.navigableAt(p.x(), p.z())) {
            throw new SimException("bad_pose", String.format(Locale.ROOT,
                    "pose.position (x %.2f, z %.2f) is not navigable in %s: inside a wall or object, closer than the agent "
                            + "radius %.2f m to one, or off the agent's island (snap_point gives the nearest navigable point)",
                    p.x(), p.z(), layout.sceneId(), agent.radiusM()));
        }
        pose = new Pose(new Vec3(p.x(), 0, p.z()), Pose.wrap(newPose.yaw()));
    }

    @Override
    public double geodesicDistance(Vec3 from, Vec3 to) {
        requireScene();
        return pathFinder.pathLength(from.x(), from.z(), to.x(), to.z());
    }

    @Override
    public List<Vec3> shortestPath(Vec3 from, Vec3 to) {
        requireScene();
        return pathFinder.path(from.x(), from.z(), to.x(), to.z()).stream()
                .map(p -> new Vec3(p[0], from.y(), p[1])).toList();
    }

    @Override
    public Vec3 snapPoint(Vec3 p) {
        requireScene();
        if (!Double.isFinite(p.x()) || !Double.isFinite(p.z())) {
            throw new SimException("bad_point", "point " + p + " has a coordinate that is not a finite number");
        }
        // Search outward in growing squares: most points are close to the navigable area.
        double full = (grid.width() + grid.height()) * grid.cellSize() + Math.hypot(p.x() - grid.originX(), p.z() - grid.originZ());
        double[] snapped = null;
        for (double reach = 0.5; snapped == null && reach < full * 4; reach *= 4) {
            snapped = grid.nearestNavigableWithin(p.x(), p.z(), Math.min(reach, full));
        }
        if (snapped == null) {
            throw new SimException("no_navigable", "scene " + layout.sceneId() + " has no navigable point");
        }
        return new Vec3(snapped[0], 0, snapped[1]);
    }

    @Override
    public NavigabilityMap navigabilityMap() {
        requireScene();
        return grid.toNavigabilityMap();
    }

    // ---- Java-only calls (not on the wire yet) ----

    /** Habitat's is_navigable: on the agent's island and within half a metre of the floor height. */
    public boolean isNavigable(Vec3 p) {
        requireScene();
        return Double.isFinite(p.y()) && Math.abs(p.y()) <= 0.5 && grid.navigableAt(p.x(), p.z());
    }

    /** A greedy geodesic follower with this agent's step and turn. */
    public GreedyFollower greedyFollower() {
        requireScene();
        return follower;
    }

    /**
     * Habitat's greedy follower from the agent's current pose: the next action toward {@code goal},
     * empty once within {@code goalRadius} (geodesic).
     *
     * @throws SimException {@code unreachable} when the goal cannot be reached
     */
    public Optional<Action> nextActionToward(Vec3 goal, double goalRadius) {
        requireScene();
        return follower.nextActionToward(pose, goal, goalRadius);
    }

    /** Ground truth of the running episode (goal regions, view points, revisits); null before the first episode. */
    public Episode episode() {
        return tracker == null ? null : tracker.episode();
    }

    /** Ground truth: the current subtask's goal region. */
    public GoalRegion currentGoalRegion() {
        requireEpisode();
        return tracker.currentRegion();
    }

    /** Ground truth: geodesic distance from the agent to the current goal's nearest view point (what success is judged on). */
    public double distanceToGoal() {
        requireEpisode();
        return tracker.distanceToCurrentGoal(pose.position());
    }

    /** Ground truth: the taut shortest path from the agent to the current goal's nearest view point. */
    public List<double[]> pathToGoal() {
        requireEpisode();
        return tracker.currentRegion().pathToNearestViewPoint(pathFinder, pose.position().x(), pose.position().z());
    }

    public boolean episodeOver() {
        return tracker == null || tracker.over();
    }

    private void requireScene() {
        if (layout == null) {
            throw new SimException("no_scene", "no scene loaded: call load_scene first");
        }
    }

    private void requireEpisode() {
        if (tracker == null) {
            throw new SimException("no_episode", "no episode running: call new_episode first");
        }
    }

    @Override
    public void close() {
        if (renderer != null) {
            renderer.close();
            renderer = null;
        }
    }
}
