package org.memnav.scenes.sim;

import org.memnav.renderers.gl.CameraView;
import org.memnav.renderers.gl.OffscreenRenderer;
import org.memnav.renderers.gl.SensorFrame;
import org.memnav.scenes.episode.LifelongEpisodeGenerator;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.Episode;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.scenes.nav.OccupancyGrid;
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

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default simulator: procedural scenes, grid navigation with Stretch-like actions and
 * no sliding on collision, and sensors rendered offscreen with OpenGL (EGL surfaceless). Like
 * Habitat-Sim it is single-threaded; the server serialises calls into it.
 */
public final class EmbeddedSimulator implements SimBackend {

    public static final String NAME = "memnav-embedded";
    private static final double CELL = 0.05;
    private static final double MAX_PITCH = Math.toRadians(60);

    private final AgentConfig agent;
    private final SensorSpec sensor;
    private final boolean semanticSensor;
    private OffscreenRenderer renderer;
    private SceneLayout layout;
    private OccupancyGrid grid;
    private GridPathFinder pathFinder;
    private EpisodeTracker tracker;
    private Pose pose = new Pose(Vec3.ORIGIN, 0);
    private double pitch;
    private int step;

    public EmbeddedSimulator(AgentConfig agent, SensorSpec sensor, boolean semanticSensor) {
        this.agent = agent;
        this.sensor = sensor;
        this.semanticSensor = semanticSensor;
    }

    public static EmbeddedSimulator withDefaults() {
        return new EmbeddedSimulator(AgentConfig.goatStretch(), SensorSpec.encoderDefault(), true);
    }

    @Override
    public Capabilities capabilities() {
        List<String> sensors = semanticSensor ? List.of("rgb", "depth", "semantic") : List.of("rgb", "depth");
        return new Capabilities("1.0", NAME, agent, sensor, sensors, List.of(Action.values()));
    }

    @Override
    public SceneInfo loadScene(String sceneRef) {
        return load(SceneRef.resolve(sceneRef, agent.radiusM()));
    }

    /** Loads an already built layout (tests, the scene generator CLI). */
    public SceneInfo load(SceneLayout newLayout) {
        this.layout = newLayout;
        this.grid = OccupancyGrid.build(newLayout, agent.radiusM(), CELL);
        this.pathFinder = new GridPathFinder(grid);
        this.tracker = null;
        if (renderer != null) {
            renderer.upload(LayoutGeometry.toRenderScene(newLayout, true));
        }
        return sceneInfo();
    }

    public SceneLayout layout() {
        requireScene();
        return layout;
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
        Episode episode = new LifelongEpisodeGenerator(layout, pathFinder).generate(request);
        pose = episode.spec().start();
        pitch = 0;
        step = 0;
        tracker = new EpisodeTracker(episode, grid, agent.successDistanceM(), agent.maxActionsPerSubtask(), pose.position());
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
        step++;
        boolean collided = false;
        double moved = 0;
        SubtaskOutcome outcome = null;
        switch (action) {
            case MOVE_FORWARD -> {
                Vec3 target = pose.position().plus(scale(pose.forward(), agent.forwardStepM()));
                if (pathFinder.lineOfSight(pose.position().x(), pose.position().z(), target.x(), target.z())) {
                    moved = agent.forwardStepM();
                    pose = new Pose(target, pose.yaw());
                } else {
                    collided = true; // no sliding: a blocked step leaves the agent where it was
                }
            }
            case TURN_LEFT -> pose = new Pose(pose.position(), Pose.wrap(pose.yaw() + Math.toRadians(agent.turnDeg())));
            case TURN_RIGHT -> pose = new Pose(pose.position(), Pose.wrap(pose.yaw() - Math.toRadians(agent.turnDeg())));
            case LOOK_UP -> pitch = Math.min(MAX_PITCH, pitch + Math.toRadians(agent.lookDeg()));
            case LOOK_DOWN -> pitch = Math.max(-MAX_PITCH, pitch - Math.toRadians(agent.lookDeg()));
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

    private static Vec3 scale(Vec3 v, double s) {
        return new Vec3(v.x() * s, v.y() * s, v.z() * s);
    }

    private Observation observe(boolean collided, SubtaskOutcome outcome) {
        SensorFrame frame = renderer().render(CameraView.of(pose.position().x(), pose.position().y() + agent.cameraHeightM(),
                pose.position().z(), pose.yaw(), pitch, sensor.hfovDeg(), sensor.width(), sensor.height()));
        RgbImage rgb = new RgbImage(frame.width(), frame.height(), frame.rgb());
        DepthImage depth = new DepthImage(frame.width(), frame.height(), frame.depth());
        SemanticImage semantic = semanticSensor ? new SemanticImage(frame.width(), frame.height(), frame.instanceIds()) : null;
        return new Observation(step, pose, collided, rgb, depth, semantic, tracker.status(outcome));
    }

    private OffscreenRenderer renderer() {
        if (renderer == null) {
            renderer = OffscreenRenderer.create();
            renderer.upload(LayoutGeometry.toRenderScene(layout, true));
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
        if (!grid.navigableAt(newPose.position().x(), newPose.position().z())) {
            throw new SimException("bad_pose", "pose " + newPose.position() + " is not navigable in " + layout.sceneId());
        }
        pose = newPose;
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
        double[] snapped = grid.nearestNavigableWithin(p.x(), p.z(), Math.max(layout.width(), layout.depth()));
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

    private void requireScene() {
        if (layout == null) {
            throw new SimException("no_scene", "no scene loaded: call load_scene first");
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
