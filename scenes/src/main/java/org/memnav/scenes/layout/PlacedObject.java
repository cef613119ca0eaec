package org.memnav.scenes.layout;

/**
 * An object instance: a box of {@code width x depth x height} centred at (centreX, centreZ) on the
 * floor. Colour, size and room are the attributes a language goal uses to single it out.
 */
public record PlacedObject(int instanceId, String category, String colour, String size, String roomId,
                           double centreX, double centreZ, double width, double depth, double height, int rgb) {

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
}
