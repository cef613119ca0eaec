package org.memnav.scenes.episode;

import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.scenes.nav.ViewPoints;
import org.memnav.simbridge.api.Goal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * View points and distance fields of goal regions in one scene, computed once per set of
 * instances and reused by every episode in that scene (a field costs one Dijkstra over the grid).
 */
public final class GoalRegions {

    private final SceneLayout layout;
    private final GridPathFinder pathFinder;
    private final Map<Integer, List<int[]>> viewPoints = new HashMap<>();
    private final Map<Set<Integer>, double[]> fields = new HashMap<>();

    public GoalRegions(SceneLayout layout, GridPathFinder pathFinder) {
        this.layout = layout;
        this.pathFinder = pathFinder;
    }

    public SceneLayout layout() {
        return layout;
    }

    public GridPathFinder pathFinder() {
        return pathFinder;
    }

    /** View-point cells of one instance (empty when the agent cannot get close to it). */
    public List<int[]> viewPoints(int instanceId) {
        return viewPoints.computeIfAbsent(instanceId, id -> {
            PlacedObject o = layout.object(id);
            return o == null ? List.of() : ViewPoints.cells(pathFinder.grid(), o);
        });
    }

    /** The region of a goal satisfied by any of {@code instanceIds}. */
    public GoalRegion region(Goal goal, Set<Integer> instanceIds) {
        Set<Integer> key = new TreeSet<>(instanceIds);
        List<int[]> cells = new ArrayList<>();
        for (int id : key) {
            cells.addAll(viewPoints(id));
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("goal '" + goal.description() + "' in scene " + layout.sceneId()
                    + " is unreachable: instances " + key + " have no navigable view point within "
                    + ViewPoints.RADIUS_M + " m");
        }
        double[] field = fields.computeIfAbsent(Set.copyOf(key), k -> pathFinder.distanceField(cells));
        return new GoalRegion(goal, key, cells, field);
    }
}
