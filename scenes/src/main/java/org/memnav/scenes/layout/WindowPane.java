package org.memnav.scenes.layout;

/**
 * A window set into an outside wall of a room: the glass is the thin box [minX, maxX] x [minZ, maxZ]
 * on the wall's inner face, from {@code sill} to {@code top} metres above the floor. It is a
 * landmark ("the armchair by the window") and no obstacle.
 */
public record WindowPane(String roomId, double minX, double minZ, double maxX, double maxZ, double sill, double top) {

    public double centreX() {
        return (minX + maxX) / 2;
    }

    public double centreZ() {
        return (minZ + maxZ) / 2;
    }
}
