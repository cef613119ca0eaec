package org.memnav.scenes.layout;

/** An axis-aligned room in the floor plan, metres. */
public record Room(String id, String type, double minX, double minZ, double maxX, double maxZ, int wallRgb,
                   int floorRgb) {

    public boolean contains(double x, double z) {
        return x >= minX && x < maxX && z >= minZ && z < maxZ;
    }

    public double width() {
        return maxX - minX;
    }

    public double depth() {
        return maxZ - minZ;
    }
}
