package org.memnav.simbridge.api;

/**
 * Agent base pose. {@code yaw} is the rotation about +y in radians; yaw 0 looks along -z as in
 * Habitat, and a positive turn (turn_left) rotates counter-clockwise seen from above.
 */
public record Pose(Vec3 position, double yaw) {

    /** Unit vector the agent faces, in the x-z plane. */
    public Vec3 forward() {
        return new Vec3(-Math.sin(yaw), 0, -Math.cos(yaw));
    }

    /** Yaw that faces from {@code from} toward {@code to} in the x-z plane. */
    public static double yawToward(Vec3 from, Vec3 to) {
        return Math.atan2(-(to.x() - from.x()), -(to.z() - from.z()));
    }

    /** Wraps an angle to (-pi, pi]. */
    public static double wrap(double a) {
        double r = Math.IEEEremainder(a, 2 * Math.PI);
        return r <= -Math.PI ? r + 2 * Math.PI : r;
    }
}
