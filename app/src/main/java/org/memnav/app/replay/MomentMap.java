package org.memnav.app.replay;

import org.memnav.recordings.PolicyDecision;
import org.memnav.renderers.map.AgentMarker;
import org.memnav.renderers.map.ArgbImage;
import org.memnav.renderers.map.MapMarker;
import org.memnav.renderers.map.MapProjection;
import org.memnav.renderers.map.MapStyle;
import org.memnav.renderers.map.NavigabilityGrid;
import org.memnav.renderers.map.PixelCanvas;
import org.memnav.renderers.map.TopDownMapLayers;
import org.memnav.renderers.map.TopDownMapRenderer;
import org.memnav.renderers.map.TrajectoryBuilder;
import org.memnav.renderers.map.WorldPoint;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.SceneObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws the top-down map of a run at a playhead step into a pixel buffer (never one node per point): the
 * navigability map, objects, the trajectory up to the step coloured by mode, the goal's objects, the
 * frontiers and target of the latest decision, where memory frames were taken, and the agent.
 */
public final class MomentMap {

    public static final int OBJECT_ARGB = 0xFF8E6C8A;
    public static final int GOAL_ARGB = 0xFF2E7D32;
    public static final int TARGET_ARGB = 0xFFE53935;
    public static final int MEMORY_POSE_ARGB = 0xFF00ACC1;
    public static final int CHOSEN_FRAME_ARGB = 0xFFFFFFFF;
    /** Translucent, so the trajectory stays visible across a goal's view points. */
    /** The second run of a comparison: orange against the first run's blue and green. */
    public static final int COMPARED_RUN_ARGB = 0xFFFF7043;
    public static final int VIEW_POINT_ARGB = 0x6643A047;

    private final SceneLayout layout;
    private final NavigabilityGrid grid;
    private final int pixelsPerCell;
    private final TopDownMapRenderer renderer = new TopDownMapRenderer();
    private final List<MapMarker> objects;
    private final GoalViewPoints viewPoints;

    public MomentMap(SceneLayout layout, int pixelsPerCell) {
        this.layout = layout;
        NavigabilityMap m = layout.navigability();
        this.grid = new NavigabilityGrid(m.originX(), m.originZ(), m.cellSizeM(), m.width(), m.height(), m.cells());
        this.pixelsPerCell = pixelsPerCell;
        this.viewPoints = new GoalViewPoints(m);
        this.objects = layout.objects().stream().map(o -> new MapMarker(o.center().x(), o.center().z(), OBJECT_ARGB)).toList();
    }

    public ArgbImage render(RunHistory history, RunMoment moment) {
        TrajectoryBuilder trajectory = new TrajectoryBuilder();
        history.forEachPosition(moment.step(), (s, x, z, mode) -> trajectory.add(x, z,
                mode == 1 ? MapStyle.MODE_MEMORY_GUIDED : MapStyle.MODE_EXPLORATION));
        List<MapMarker> goals = new ArrayList<>();
        for (SceneObject o : goalObjects(moment.goal())) {
            goals.add(new MapMarker(o.center().x(), o.center().z(), GOAL_ARGB));
        }
        List<WorldPoint> frontiers = new ArrayList<>();
        PolicyDecision d = moment.decision();
        if (d != null) {
            for (PolicyDecision.Candidate c : d.candidates()) {
                if (c.kind().startsWith("frontier")) {
                    frontiers.add(new WorldPoint(c.point().x(), c.point().z()));
                }
            }
            if (d.target() != null) {
                goals.add(new MapMarker(d.target().x(), d.target().z(), TARGET_ARGB));
            }
        }
        TopDownMapLayers layers = TopDownMapLayers.of(grid).withObjects(objects).withTrajectory(trajectory.build())
                .withFrontiers(frontiers).withGoals(goals)
                .withAgent(new AgentMarker(moment.pose().position().x(), moment.pose().position().z(), moment.pose().yaw()));
        ArgbImage image = renderer.render(layers, pixelsPerCell);
        MapProjection p = projection();
        PixelCanvas canvas = new PixelCanvas(image);
        for (SceneObject o : goalObjects(moment.goal())) {
            for (int[] cell : viewPoints.cells(o)) {
                int x0 = cell[0] * pixelsPerCell;
                int y0 = cell[1] * pixelsPerCell;
                canvas.fillRect(x0, y0, x0 + pixelsPerCell, y0 + pixelsPerCell, VIEW_POINT_ARGB);
            }
        }
        for (RememberedFrame f : moment.memory()) {
            double x = p.pixelX(f.pose().position().x());
            double y = p.pixelY(f.pose().position().z());
            if (f.chosen()) {
                canvas.ring(x, y, 5, 7, CHOSEN_FRAME_ARGB);
            }
            canvas.fillCircle(x, y, 3, MEMORY_POSE_ARGB);
        }
        return image;
    }

    /**
     * Draws a second run (same scene) over a map rendered by {@link #render}: its trajectory up to {@code at} in
     * {@code argb}, and where its agent is, ringed in white, so two runs share one picture.
     */
    public void drawComparedRun(ArgbImage image, RunHistory other, RunMoment at, int argb) {
        MapProjection p = projection();
        PixelCanvas canvas = new PixelCanvas(image);
        double[][] last = {null};
        other.forEachPosition(at.step(), (s, x, z, mode) -> {
            double[] point = {p.pixelX(x), p.pixelY(z)};
            if (last[0] != null) {
                canvas.line((int) last[0][0], (int) last[0][1], (int) point[0], (int) point[1], argb, 2);
            }
            last[0] = point;
        });
        double x = p.pixelX(at.pose().position().x());
        double y = p.pixelY(at.pose().position().z());
        canvas.ring(x, y, 5, 7, 0xFFFFFFFF);
        canvas.fillCircle(x, y, 5, argb);
    }

    /** The objects that satisfy a goal: its instance, or every object of its category. */
    public List<SceneObject> goalObjects(Goal goal) {
        if (goal == null) {
            return List.of();
        }
        return layout.objects().stream().filter(o -> goal.instanceId() >= 0 ? o.instanceId() == goal.instanceId()
                : o.category().equals(goal.category())).toList();
    }

    /** The view-point cells ({col, row}) of the goal's objects: where stopping counts as success. */
    public List<int[]> goalViewPoints(Goal goal) {
        List<int[]> cells = new ArrayList<>();
        for (SceneObject o : goalObjects(goal)) {
            cells.addAll(viewPoints.cells(o));
        }
        return cells;
    }

    public MapProjection projection() {
        return MapProjection.of(grid, pixelsPerCell);
    }

    /** The object under a map pixel (within a few pixels), for the hover label. */
    public Optional<SceneObject> objectAt(double pixelX, double pixelY) {
        MapProjection p = projection();
        SceneObject best = null;
        double bestD = 8 * 8;
        for (SceneObject o : layout.objects()) {
            double dx = p.pixelX(o.center().x()) - pixelX;
            double dy = p.pixelY(o.center().z()) - pixelY;
            if (dx * dx + dy * dy <= bestD) {
                bestD = dx * dx + dy * dy;
                best = o;
            }
        }
        return Optional.ofNullable(best);
    }
}
