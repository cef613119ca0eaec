package org.memnav.scenes.layout;

/**
 * A solid axis-aligned wall block from the floor to {@code height}, metres. Door gaps are simply
 * absent wall. {@code rgb} colours the parts of the block that lie in no room (the outside).
 */
public record WallSegment(double minX, double minZ, double maxX, double maxZ, double height, int rgb) {
}
