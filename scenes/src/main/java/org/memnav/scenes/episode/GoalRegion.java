package org.memnav.scenes.episode;

import org.memnav.simbridge.api.Goal;

import java.util.List;

/**
 * The ground truth behind a goal: the instances that satisfy it, their view points (navigable
 * cells close to the object) and the geodesic distance field to the nearest view point.
 */
public record GoalRegion(Goal goal, List<Integer> instanceIds, List<int[]> viewPointCells, double[] distanceField,
                         int gridWidth) {

    public double distanceAt(int col, int row) {
        if (col < 0 || row < 0 || col >= gridWidth || row * gridWidth + col >= distanceField.length) {
            return Double.POSITIVE_INFINITY;
        }
        return distanceField[row * gridWidth + col];
    }
}
