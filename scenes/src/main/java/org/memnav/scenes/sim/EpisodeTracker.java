package org.memnav.scenes.sim;

import org.memnav.scenes.episode.GoalRegion;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.Episode;
import org.memnav.scenes.episode.LifelongEpisodeGenerator.Subtask;
import org.memnav.scenes.nav.GridPathFinder;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.SubtaskOutcome;
import org.memnav.simbridge.api.Vec3;

/**
 * Judges subtasks as GOAT-Bench's measures do: success when subtask_stop is called within the
 * success distance (geodesic) of a goal view point; SPL = success * shortest / max(shortest, path)
 * where shortest is the geodesic distance from the subtask's own start to the nearest view point
 * and path is the distance the agent actually moved (forward steps; turns and collisions move
 * nothing).
 */
final class EpisodeTracker {

    private final Episode episode;
    private final GridPathFinder finder;
    private final double successDistance;
    private final int budget;
    private int subtask;
    private int actions;
    private double pathLength;
    private double shortest;
    private boolean over;

    EpisodeTracker(Episode episode, GridPathFinder finder, double successDistance, int budget, Vec3 start) {
        this.episode = episode;
        this.finder = finder;
        this.successDistance = successDistance;
        this.budget = budget;
        this.shortest = distance(episode.subtasks().get(0).region(), start);
    }

    boolean over() {
        return over;
    }

    Episode episode() {
        return episode;
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
        Subtask current = episode.subtasks().get(subtask);
        double finalDistance = distance(current.region(), position);
        boolean success = !budgetExhausted && finalDistance <= successDistance;
        double spl = 0;
        if (success) {
            spl = shortest <= 0 && pathLength <= 0 ? 1.0 : shortest / Math.max(shortest, pathLength);
        }
        SubtaskOutcome outcome = new SubtaskOutcome(subtask, current.region().goal(), success, spl, shortest, pathLength,
                actions, finalDistance, budgetExhausted, current.revisit());
        subtask++;
        actions = 0;
        pathLength = 0;
        if (subtask >= episode.subtasks().size()) {
            over = true;
        } else {
            shortest = distance(episode.subtasks().get(subtask).region(), position);
        }
        return outcome;
    }

    void endEpisode() {
        over = true;
    }

    EpisodeStatus status(SubtaskOutcome lastOutcome) {
        int total = episode.subtasks().size();
        return new EpisodeStatus(Math.min(subtask, total - 1), total, actions, over, lastOutcome);
    }

    GoalRegion currentRegion() {
        return episode.subtasks().get(Math.min(subtask, episode.subtasks().size() - 1)).region();
    }

    double distanceToCurrentGoal(Vec3 p) {
        return distance(currentRegion(), p);
    }

    private double distance(GoalRegion region, Vec3 p) {
        return region.geodesicDistance(finder, p.x(), p.z());
    }
}
