package org.memnav.renderers.map;

import java.util.List;
import java.util.Optional;

/**
 * Everything drawn on one top-down map, bottom layer first: navigability grid, explored area,
 * frontiers, trajectory, objects, goals, agent.
 */
public record TopDownMapLayers(NavigabilityGrid grid, Optional<ExploredArea> explored, Trajectory trajectory,
                               List<MapMarker> objects, List<MapMarker> goals, List<WorldPoint> frontiers,
                               Optional<AgentMarker> agent) {

    public TopDownMapLayers {
        explored.ifPresent(e -> {
            if (e.cells().length != grid.cells().length) {
                throw new IllegalArgumentException("explored area has " + e.cells().length
                        + " cells but the grid has " + grid.cells().length);
            }
        });
        objects = List.copyOf(objects);
        goals = List.copyOf(goals);
        frontiers = List.copyOf(frontiers);
    }

    /** Just the grid; add the other layers with the {@code with...} methods. */
    public static TopDownMapLayers of(NavigabilityGrid grid) {
        return new TopDownMapLayers(grid, Optional.empty(), Trajectory.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    public TopDownMapLayers withExplored(ExploredArea area) {
        return new TopDownMapLayers(grid, Optional.of(area), trajectory, objects, goals, frontiers, agent);
    }

    public TopDownMapLayers withTrajectory(Trajectory path) {
        return new TopDownMapLayers(grid, explored, path, objects, goals, frontiers, agent);
    }

    public TopDownMapLayers withObjects(List<MapMarker> markers) {
        return new TopDownMapLayers(grid, explored, trajectory, markers, goals, frontiers, agent);
    }

    public TopDownMapLayers withGoals(List<MapMarker> markers) {
        return new TopDownMapLayers(grid, explored, trajectory, objects, markers, frontiers, agent);
    }

    public TopDownMapLayers withFrontiers(List<WorldPoint> points) {
        return new TopDownMapLayers(grid, explored, trajectory, objects, goals, points, agent);
    }

    public TopDownMapLayers withAgent(AgentMarker marker) {
        return new TopDownMapLayers(grid, explored, trajectory, objects, goals, frontiers, Optional.of(marker));
    }
}
