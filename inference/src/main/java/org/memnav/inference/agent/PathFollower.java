package org.memnav.inference.agent;

import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * Turns a target point into primitive actions with the simulator's path finder. It aims at a point
 * a little way along the shortest path and, because turns are coarse (30°) and the simulator does
 * not slide along walls, picks the heading closest to that aim whose next forward step stays on
 * navigable ground (checked against the simulator's navigability map), turning toward it first.
 */
public final class PathFollower {

    /** Arrival radius: within this geodesic distance of the target the follower reports arrival. */
    public static final double ARRIVAL_M = 0.3;
    private static final double LOOKAHEAD_M = 0.5;
    private static final double MAX_USEFUL_ERROR_RAD = Math.toRadians(75);

    private final double turnRad;
    private final double stepM;
    private NavigabilityMap navigability;
    private double lastPathLength = Double.POSITIVE_INFINITY;

    public PathFollower(double turnDeg, double forwardStepM) {
        this.turnRad = Math.toRadians(turnDeg);
        this.stepM = forwardStepM;
    }

    /** Next action toward {@code target}, or null when arrived or unreachable (see {@link #lastPathLength()}). */
    public Action next(SimBackend sim, Pose pose, Vec3 target) {
        if (navigability == null) {
            navigability = sim.navigabilityMap();
        }
        List<Vec3> path = sim.shortestPath(pose.position(), target);
        lastPathLength = length(path);
        if (path.isEmpty() || lastPathLength <= ARRIVAL_M) {
            return null;
        }
        double desired = Pose.yawToward(pose.position(), pointAlong(path, Math.min(LOOKAHEAD_M, lastPathLength)));
        int steps = (int) Math.round(Math.PI / turnRad);
        int bestK = Integer.MIN_VALUE;
        double bestError = Double.MAX_VALUE;
        for (int i = 0; i <= 2 * steps; i++) {
            int k = (i % 2 == 0 ? 1 : -1) * ((i + 1) / 2); // 0, -1, 1, -2, 2 ... prefers small turns on ties
            double heading = pose.yaw() + k * turnRad;
            double error = Math.abs(Pose.wrap(heading - desired));
            if (error < bestError - 1e-9 && stepIsFree(pose.position(), heading)) {
                bestError = error;
                bestK = k;
            }
        }
        if (bestK == Integer.MIN_VALUE || bestError > MAX_USEFUL_ERROR_RAD) {
            double error = Pose.wrap(desired - pose.yaw());
            return error >= 0 ? Action.TURN_LEFT : Action.TURN_RIGHT;
        }
        if (bestK == 0) {
            return Action.MOVE_FORWARD;
        }
        return bestK > 0 ? Action.TURN_LEFT : Action.TURN_RIGHT;
    }

    /** Whether a forward step along {@code heading} stays on navigable cells all the way. */
    private boolean stepIsFree(Vec3 from, double heading) {
        double dx = -Math.sin(heading);
        double dz = -Math.cos(heading);
        int samples = 10;
        for (int i = 1; i <= samples; i++) {
            double d = stepM * i / samples;
            if (!navigability.navigable(navigability.colOf(from.x() + dx * d), navigability.rowOf(from.z() + dz * d))) {
                return false;
            }
        }
        return true;
    }

    private static Vec3 pointAlong(List<Vec3> path, double distance) {
        double left = distance;
        for (int i = 1; i < path.size(); i++) {
            Vec3 a = path.get(i - 1);
            Vec3 b = path.get(i);
            double seg = a.horizontalDistanceTo(b);
            if (seg >= left && seg > 0) {
                double t = left / seg;
                return new Vec3(a.x() + t * (b.x() - a.x()), a.y(), a.z() + t * (b.z() - a.z()));
            }
            left -= seg;
        }
        return path.get(path.size() - 1);
    }

    /** Geodesic length of the path computed by the last {@link #next} call (+infinity if none). */
    public double lastPathLength() {
        return lastPathLength;
    }

    private static double length(List<Vec3> path) {
        if (path.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double len = 0;
        for (int i = 1; i < path.size(); i++) {
            len += path.get(i).horizontalDistanceTo(path.get(i - 1));
        }
        return len;
    }
}
