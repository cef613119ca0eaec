package org.memnav.scenes.layout;

/**
 * A doorway: a gap of {@code width} metres centred at (x, z) in a wall that runs along
 * {@code wallAxis} ("x" or "z"), joining rooms {@code roomA} and {@code roomB}. Walls above
 * {@code height} close the gap (a lintel, drawn but no obstacle to the agent).
 */
public record Door(double x, double z, double width, double height, String wallAxis, String roomA, String roomB) {

    public boolean alongX() {
        return "x".equals(wallAxis);
    }
}
