package org.memnav.scenes.nav;

import org.memnav.scenes.layout.PlacedObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A goal's view points: navigable cells whose centre lies within {@link #RADIUS_M} of the object's
 * footprint. Success is judged against them (subtask_stop within the success distance, geodesic,
 * of any view point).
 */
public final class ViewPoints {

    public static final double RADIUS_M = 1.0;

    private ViewPoints() {
    }

    /** The view-point cells of an object as {col, row} pairs, row-major order. */
    public static List<int[]> cells(OccupancyGrid grid, PlacedObject o) {
        List<int[]> cells = new ArrayList<>();
        double r = RADIUS_M;
        for (int row = Math.max(0, grid.rowOf(o.minZ() - r)); row <= Math.min(grid.height() - 1, grid.rowOf(o.maxZ() + r)); row++) {
            for (int col = Math.max(0, grid.colOf(o.minX() - r)); col <= Math.min(grid.width() - 1, grid.colOf(o.maxX() + r)); col++) {
                if (grid.navigable(col, row) && o.footprintDistance(grid.xOf(col), grid.zOf(row)) <= r) {
                    cells.add(new int[]{col, row});
                }
            }
        }
        return cells;
    }
}
