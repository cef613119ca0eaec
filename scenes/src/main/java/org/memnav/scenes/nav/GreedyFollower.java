package org.memnav.scenes.nav;

import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SimException;
import org.memnav.simbridge.api.Vec3;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The next discrete action along a shortest path, like Habitat's {@code GreedyGeodesicFollower}:
 * turn toward the next waypoint of the taut shortest path until the heading is within half a turn
 * of it, then step forward. Headings come in multiples of the turn angle, so next to a corner the
 * step along the best heading can be blocked, or lead off the taut path; a heading is only taken
 * when its step is free and shortens the geodesic distance to the goal, and otherwise the nearest
 * heading that does is. Progress is measured on a distance field of the goal, so it is exact
 * geodesic progress, and the follower cannot circle. It is stateless apart from a cache of the
 * last point goal's field: the same pose and goal always give the same action.
 *
 * <p>Not thread-safe (it shares the path finder's scratch space).
 */
public final class GreedyFollower {

    private final GridPathFinder finder;
    private final double step;
    private final double turn;
    private int cachedGoalCell = -1;
    private double[] cachedField;

    /** {@code forwardStep} metres per move_forward, {@code turnDeg} degrees per turn (the agent's action amounts). */
    public GreedyFollower(GridPathFinder finder, double forwardStep, double turnDeg) {
        this.finder = finder;
        this.step = forwardStep;
        this.turn = Math.toRadians(turnDeg);
    }

    /**
     * Next action toward a point; empty once the geodesic distance to it is at most {@code goalRadius}
     * (and never less than half a forward step, which discrete steps could circle forever).
     *
     * @throws SimException {@code unreachable} when the point cannot be reached from the pose
     */
    public Optional<Action> nextActionToward(Pose pose, Vec3 goal, double goalRadius) {
        OccupancyGrid grid = finder.grid();
        int col = grid.colOf(goal.x());
        int row = grid.rowOf(goal.z());
        if (!grid.navigable(col, row)) {
            throw unreachable(pose, goal, "the goal is not on the navigable area (snap it first)");
        }
        int cell = row * grid.width() + col;
        if (cell != cachedGoalCell) {
            cachedField = finder.distanceField(List.of(new int[]{col, row}));
            cachedGoalCell = cell;
        }
        if (finder.pathDownField(cachedField, pose.position().x(), pose.position().z()).isEmpty()) {
            throw unreachable(pose, goal, "no navigable path connects them");
        }
        return nextActionDownField(pose, cachedField, goalRadius);
    }

    /**
     * Next action toward the nearest source of a distance field (a goal region's view points);
     * empty once the geodesic distance to it is at most {@code goalRadius} (at least half a step),
     * or when the pose cannot reach any source.
     */
    public Optional<Action> nextActionDownField(Pose pose, double[] field, double goalRadius) {
        double x = pose.position().x();
        double z = pose.position().z();
        List<double[]> path = finder.pathDownField(field, x, z);
        if (path.size() < 2) {
            return Optional.empty();
        }
        double remaining = GridPathFinder.length(path);
        if (remaining <= Math.max(goalRadius, step / 2)) {
            return Optional.empty();
        }
        double[] waypoint = path.get(1);
        for (int i = 1; i < path.size() - 1 && Math.hypot(waypoint[0] - x, waypoint[1] - z) < step * 0.6; i++) {
            waypoint = path.get(i + 1);
        }
        double desired = Math.atan2(-(waypoint[0] - x), -(waypoint[1] - z));
        long turnsToBest = Math.round(Pose.wrap(desired - pose.yaw()) / turn);
        if (turnsToBest != 0 && stepHelps(x, z, pose.yaw() + turnsToBest * turn, field, remaining)) {
            return Optional.of(turnsToBest > 0 ? Action.TURN_LEFT : Action.TURN_RIGHT);
        }
        if (stepHelps(x, z, pose.yaw(), field, remaining)) {
            return Optional.of(Action.MOVE_FORWARD);
        }
        // The best heading is blocked or leads nowhere: the nearest heading whose step helps.
        int half = (int) Math.round(Math.PI / turn);
        int first = turnsToBest >= 0 ? 1 : -1;
        for (int k = 1; k <= half; k++) {
            for (int sign : new int[]{first, -first}) {
                long turns = turnsToBest + sign * k;
                if (turns != 0 && Math.abs(turns) <= half && stepHelps(x, z, pose.yaw() + turns * turn, field, remaining)) {
                    return Optional.of(turns > 0 ? Action.TURN_LEFT : Action.TURN_RIGHT);
                }
            }
        }
        // No single step helps (the agent stands a few centimetres beside a passage it cannot enter at
        // any of its headings): take the first step of the best pair of steps.
        long turns = bestFirstOfTwoSteps(x, z, pose.yaw(), field, remaining, half);
        if (turns == 0) {
            return Optional.of(Action.MOVE_FORWARD);
        }
        return Optional.of(turns > 0 || turns == Long.MIN_VALUE ? Action.TURN_LEFT : Action.TURN_RIGHT);
    }

    /**
     * The heading (in turns from the current one) whose step, followed by the best second step,
     * shortens the geodesic distance most; Long.MIN_VALUE when no pair of steps helps.
     */
    private long bestFirstOfTwoSteps(double x, double z, double yaw, double[] field, double remaining, int half) {
        long best = Long.MIN_VALUE;
        double bestRemaining = remaining - 0.05 * step;
        for (long t1 = -half + 1; t1 <= half; t1++) {
            double h1 = yaw + t1 * turn;
            double x1 = x - Math.sin(h1) * step;
            double z1 = z - Math.cos(h1) * step;
            if (!finder.lineOfSight(x, z, x1, z1)) {
                continue;
            }
            for (long t2 = -half + 1; t2 <= half; t2++) {
                double h2 = yaw + t2 * turn;
                double x2 = x1 - Math.sin(h2) * step;
                double z2 = z1 - Math.cos(h2) * step;
                if (!finder.lineOfSight(x1, z1, x2, z2)) {
                    continue;
                }
                double left = finder.lengthDownField(field, x2, z2);
                if (left < bestRemaining - 1e-9 || (left < bestRemaining + 1e-9 && best != Long.MIN_VALUE
                        && Math.abs(t1) < Math.abs(best))) {
                    bestRemaining = Math.min(bestRemaining, left);
                    best = t1;
                }
            }
        }
        return best;
    }

    /** A forward step along {@code heading} is collision-free and shortens the geodesic distance by a twentieth of a step. */
    private boolean stepHelps(double x, double z, double heading, double[] field, double remaining) {
        double nx = x - Math.sin(heading) * step;
        double nz = z - Math.cos(heading) * step;
        if (!finder.lineOfSight(x, z, nx, nz)) {
            return false;
        }
        return finder.lengthDownField(field, nx, nz) < remaining - 0.05 * step;
    }

    private static SimException unreachable(Pose pose, Vec3 goal, String why) {
        return new SimException("unreachable", String.format(Locale.ROOT, "point (%.2f, %.2f) cannot be reached from (%.2f, %.2f): %s",
                goal.x(), goal.z(), pose.position().x(), pose.position().z(), why));
    }
}
