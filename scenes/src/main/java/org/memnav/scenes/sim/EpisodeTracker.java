package org.memnav.scenes.sim;

import org.memnav.scenes.episode.GoalRegion;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.Episode;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

/**
 * Judges subtasks as Habitat-Lab's measures do: success when stopped within the success distance
 * (geodesic) of a goal view point; SPL from the subtask's own start position.
 */
final class EpisodeTracker {

    private final Episode episode;
    private final OccupancyGrid grid;
    private final double successDistance;
    private final int budget;
    private int subtask;
    private int actions;
    private double pathLength;
    private Vec3 subtaskStart;
    private boolean over;

    EpisodeTracker(Episode episode, OccupancyGrid grid, double successDistance, int budget, Vec3 start) {
        this.episode = episode;
        this.grid = grid;
        this.successDistance = successDistance;
        this.budget = budget;
        this.subtaskStart = start;
    }

    boolean over() {
        return over;
    }

    /** Counts one action and the distance it moved; returns the outcome if the budget just ran out. */
    SubtaskOutcome countAction(double moved, Vec3 position) {
        actions++;
        pathLength += moved;
        if (actions >= budget) {
            return finish(position, true);
        }
        return null;
    }

    /** subtask_stop (or stop): judge the current subtask at {@code position} and move to the next. */
    SubtaskOutcome finish(Vec3 position, boolean budgetExhausted) {
        GoalRegion region = episode.regions().get(subtask);
        double finalDistance = distance(region, position);
        double shortest = distance(region, subtaskStart);
        boolean success = !budgetExhausted && finalDistance <= successDistance;
        double spl = success ? (shortest <= 0 && pathLength <= 0 ? 1.0 : shortest / Math.max(shortest, pathLength)) : 0.0;
        SubtaskOutcome outcome = new SubtaskOutcome(subtask, region.goal(), success, spl, shortest, pathLength, actions,
                finalDistance, budgetExhausted);
        subtask++;
        actions = 0;
        pathLength = 0;
        subtaskStart = position;
        if (subtask >= episode.regions().size()) {
            over = true;
        }
        return outcome;
    }

    void endEpisode() {
        over = true;
    }

    EpisodeStatus status(SubtaskOutcome lastOutcome) {
        int total = episode.regions().size();
        return new EpisodeStatus(Math.min(subtask, total - 1), total, actions, over, lastOutcome);
    }

    GoalRegion currentRegion() {
        return episode.regions().get(Math.min(subtask, episode.regions().size() - 1));
    }

    private double distance(GoalRegion region, Vec3 p) {
        return region.distanceAt(grid.colOf(p.x()), grid.rowOf(p.z()));
    }
}
