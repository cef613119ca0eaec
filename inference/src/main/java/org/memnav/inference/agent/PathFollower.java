package org.memnav.inference.agent;

import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.SimBackend;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * Turns a target point into primitive actions with the simulator's path finder: face the next
 * waypoint (within half a turn step), else step forward. After a collision it sidesteps by turning
 * once toward the path before trying forward again, since the simulator does not slide.
 */
public final class PathFollower {

    /** Arrival radius: within this geodesic distance of the target the follower reports arrival. */
    public static final double ARRIVAL_M = 0.3;
    private static final double WAYPOINT_MIN_M = 0.15;

    private final double turnRad;
    private boolean recovering;
    private double lastPathLength = Double.POSITIVE_INFINITY;

    public PathFollower(double turnDeg) {
        this.turnRad = Math.toRadians(turnDeg);
    }

    /** Next action toward {@code target}, or null when arrived or unreachable (see {@link #lastPathLength()}). */
    public Action next(SimBackend sim, Pose pose, Vec3 target, boolean lastCollided) {
        List<Vec3> path = sim.shortestPath(pose.position(), target);
        lastPathLength = length(path);
        if (path.isEmpty() || lastPathLength <= ARRIVAL_M) {
            return null;
        }
        Vec3 waypoint = path.get(path.size() - 1);
        for (Vec3 p : path) {
            if (p.horizontalDistanceTo(pose.position()) > WAYPOINT_MIN_M) {
                waypoint = p;
                break;
            }
        }
        double error = Pose.wrap(Pose.yawToward(pose.position(), waypoint) - pose.yaw());
        if (lastCollided && !recovering) {
            recovering = true;
            return error >= 0 ? Action.TURN_LEFT : Action.TURN_RIGHT;
        }
        recovering = false;
        if (Math.abs(error) > turnRad / 2) {
            return error > 0 ? Action.TURN_LEFT : Action.TURN_RIGHT;
        }
        return Action.MOVE_FORWARD;
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
