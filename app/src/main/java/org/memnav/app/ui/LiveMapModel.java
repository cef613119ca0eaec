package org.memnav.app.ui;

import org.memnav.inference.agent.ExploredMap;
import org.memnav.inference.agent.NavigationMode;
import org.memnav.renderers.map.AgentMarker;
import org.memnav.renderers.map.ArgbImage;
import org.memnav.renderers.map.ExploredArea;
import org.memnav.renderers.map.MapMarker;
import org.memnav.renderers.map.MapStyle;
import org.memnav.renderers.map.NavigabilityGrid;
import org.memnav.renderers.map.TopDownMapLayers;
import org.memnav.renderers.map.TopDownMapRenderer;
import org.memnav.renderers.map.TrajectoryBuilder;
import org.memnav.renderers.map.WorldPoint;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SceneObject;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * What the live top-down map shows, kept apart from JavaFX: the navigability map, the trajectory
 * coloured by mode, objects, the current target and the agent. Fed from the run's thread; rendered
 * to pixels there too, so the FX thread only copies a finished image.
 */
public final class LiveMapModel {

    private static final int OBJECT_ARGB = 0xFF8E6C8A;
    private static final int TARGET_ARGB = 0xFFE74C3C;

    private final TopDownMapRenderer renderer = new TopDownMapRenderer();
    private final int pixelsPerCell;
    private NavigabilityGrid grid;
    private List<MapMarker> objects = List.of();
    private TrajectoryBuilder trajectory = new TrajectoryBuilder();
    private Pose agent;
    private Vec3 target;
    private byte[] explored;
    private int points;

    public LiveMapModel(int pixelsPerCell) {
        this.pixelsPerCell = pixelsPerCell;
    }

    public synchronized void reset(NavigabilityMap map, List<SceneObject> sceneObjects) {
        grid = new NavigabilityGrid(map.originX(), map.originZ(), map.cellSizeM(), map.width(), map.height(), map.cells());
        objects = sceneObjects.stream().map(o -> new MapMarker(o.center().x(), o.center().z(), OBJECT_ARGB)).toList();
        trajectory = new TrajectoryBuilder();
        agent = null;
        target = null;
        explored = null;
        points = 0;
    }

    public synchronized void addPose(Pose pose, NavigationMode mode, Vec3 currentTarget) {
        trajectory.add(pose.position().x(), pose.position().z(),
                mode == NavigationMode.MEMORY_GUIDED ? MapStyle.MODE_MEMORY_GUIDED : MapStyle.MODE_EXPLORATION);
        agent = pose;
        target = currentTarget;
        points++;
    }

    /** Resamples the agent's own explored map onto the navigability grid's cells. */
    public synchronized void updateExplored(ExploredMap map) {
        if (grid == null || map == null) {
            return;
        }
        byte[] cells = explored == null ? new byte[grid.width() * grid.height()] : explored;
        for (int row = 0; row < grid.height(); row++) {
            double z = grid.originZ() + (row + 0.5) * grid.cellSizeM();
            for (int col = 0; col < grid.width(); col++) {
                double x = grid.originX() + (col + 0.5) * grid.cellSizeM();
                cells[row * grid.width() + col] = map.get(x, z);
            }
        }
        explored = cells;
    }

    public synchronized int trajectoryPoints() {
        return points;
    }

    public synchronized ArgbImage render() {
        if (grid == null) {
            return null;
        }
        TopDownMapLayers layers = TopDownMapLayers.of(grid).withObjects(objects).withTrajectory(trajectory.build());
        if (explored != null) {
            layers = layers.withExplored(new ExploredArea(explored.clone()));
        }
        if (target != null) {
            layers = layers.withFrontiers(List.of(new WorldPoint(target.x(), target.z())))
                    .withGoals(List.of(new MapMarker(target.x(), target.z(), TARGET_ARGB)));
        }
        if (agent != null) {
            layers = layers.withAgent(new AgentMarker(agent.position().x(), agent.position().z(), agent.yaw()));
        }
        return renderer.render(layers, pixelsPerCell);
    }
}
