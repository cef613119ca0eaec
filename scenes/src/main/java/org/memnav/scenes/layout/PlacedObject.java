package org.memnav.scenes.layout;

/**
 * An object instance: it occupies the box {@code width x depth x height} (x and z extents in world
 * axes) centred at (centreX, centreZ) on the floor. {@code facingDeg} is the direction its front
 * faces as a Habitat yaw (0 faces -z, 90 faces -x, 180 faces +z, 270 faces +x). Colour, size and
 * room are the attributes a language goal uses to single it out.
 */
public record PlacedObject(int instanceId, String category, String colour, String size, String roomId,
                           double centreX, double centreZ, double width, double depth, double height, int rgb,
                           double facingDeg) {

    public double minX() {
        return centreX - width / 2;
    }

    public double maxX() {
        return centreX + width / 2;
    }

    public double minZ() {
        return centreZ - depth / 2;
    }

    public double maxZ() {
        return centreZ + depth / 2;
    }

    /** Horizontal distance from a point to this object's footprint (0 inside). */
    public double footprintDistance(double x, double z) {
        double dx = Math.max(Math.max(minX() - x, 0), x - maxX());
        double dz = Math.max(Math.max(minZ() - z, 0), z - maxZ());
        return Math.hypot(dx, dz);
    }

    /** Horizontal gap between two footprints (0 when they touch or overlap). */
    public double footprintGap(PlacedObject o) {
        double dx = Math.max(Math.max(minX() - o.maxX(), 0), o.minX() - maxX());
        double dz = Math.max(Math.max(minZ() - o.maxZ(), 0), o.minZ() - maxZ());
        return Math.hypot(dx, dz);
    }
}
