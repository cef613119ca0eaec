package org.memnav.scenes.episode;

import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.simbridge.api.Goal;

import java.util.List;
import java.util.Set;

/**
 * The ground truth behind a goal: the instances that satisfy it, their view points (navigable
 * cells close to the objects) and the 8-connected distance field to the nearest view point.
 * Geodesic distances to the region are taken along the taut path down that field, so they match
 * {@link GridPathFinder#path}'s lengths.
 */
public record GoalRegion(Goal goal, Set<Integer> instanceIds, List<int[]> viewPointCells, double[] distanceField) {

    public GoalRegion {
        instanceIds = Set.copyOf(instanceIds);
        viewPointCells = List.copyOf(viewPointCells);
    }

    /** Geodesic distance in metres from (x, z) to the nearest view point; +infinity when unreachable. */
    public double geodesicDistance(GridPathFinder finder, double x, double z) {
        return finder.lengthDownField(distanceField, x, z);
    }

    /** Taut path from (x, z) to the nearest view point; empty when unreachable. */
    public List<double[]> pathToNearestViewPoint(GridPathFinder finder, double x, double z) {
        return finder.pathDownField(distanceField, x, z);
    }

    /** The 8-connected field value at a cell (an upper bound of the geodesic distance), +infinity off the grid. */
    public double fieldAt(int index) {
        return index < 0 || index >= distanceField.length ? Double.POSITIVE_INFINITY : distanceField[index];
    }

    public boolean overlaps(GoalRegion other) {
        for (int id : other.instanceIds) {
            if (instanceIds.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
