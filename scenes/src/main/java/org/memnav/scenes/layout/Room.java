package org.memnav.scenes.layout;

/**
 * An axis-aligned room in the floor plan, metres. Walls inside the room's rectangle take its wall
 * colour and finish, so the two sides of a partition can look different.
 */
public record Room(String id, String type, double minX, double minZ, double maxX, double maxZ, int wallRgb,
                   int floorRgb, Finish wallFinish, Finish floorFinish) {

    public boolean contains(double x, double z) {
        return x >= minX && x < maxX && z >= minZ && z < maxZ;
    }

    public double width() {
        return maxX - minX;
    }

    public double depth() {
        return maxZ - minZ;
    }

    public double area() {
        return width() * depth();
    }

    public double centreX() {
        return (minX + maxX) / 2;
    }

    public double centreZ() {
        return (minZ + maxZ) / 2;
    }
}
