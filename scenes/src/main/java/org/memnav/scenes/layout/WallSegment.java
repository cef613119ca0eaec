package org.memnav.scenes.layout;

/** A solid axis-aligned wall block from the floor to {@code height}, metres. */
public record WallSegment(double minX, double minZ, double maxX, double maxZ, double height, int rgb) {
}
