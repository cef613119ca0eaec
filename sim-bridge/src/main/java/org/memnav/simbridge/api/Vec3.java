package org.memnav.simbridge.api;

/** A point in world coordinates, metres. Habitat convention: y is up, the floor is the x-z plane. */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ORIGIN = new Vec3(0, 0, 0);

    public double horizontalDistanceTo(Vec3 o) {
        return Math.hypot(x - o.x, z - o.z);
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }
}
