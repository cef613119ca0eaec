package org.memnav.app.replay;

import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.scenes.nav.ViewPoints;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.SceneObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the simulator counts a goal as reached: the view points of each object (navigable cells within
 * {@link ViewPoints#RADIUS_M} of its footprint), computed by the scenes module's own rule from the map and the
 * object's box, so live runs and recordings (whose scene is regenerated from its reference) get the same cells.
 */
public final class GoalViewPoints {

    private final NavigabilityMap map;
    private final OccupancyGrid grid;
    private final Map<Integer, List<int[]>> byInstance = new ConcurrentHashMap<>();

    public GoalViewPoints(NavigabilityMap map) {
        this.map = map;
        boolean[] free = new boolean[map.width() * map.height()];
        for (int i = 0; i < free.length; i++) {
            free[i] = map.cells()[i] != 0;
        }
        this.grid = OccupancyGrid.fromCells(map.originX(), map.originZ(), map.cellSizeM(), map.width(), map.height(), free, false);
    }

    /** View-point cells of one object as {col, row} of the navigability map (empty when it cannot be approached). */
    public List<int[]> cells(SceneObject o) {
        return byInstance.computeIfAbsent(o.instanceId(), id -> ViewPoints.cells(grid, new PlacedObject(o.instanceId(),
                o.category(), "", "", o.room(), o.center().x(), o.center().z(), o.size().x(), o.size().z(), o.size().y(), 0, 0)));
    }

    public NavigabilityMap map() {
        return map;
    }
}
