package org.memnav.renderers.orbit;

import java.util.List;

/**
 * What the orbit view draws over the scene: the trajectory as a ribbon on the floor (one colour per segment, drawn
 * from point i to i+1 in the colour of point i+1) and upright markers (remembered poses, the agent).
 *
 * @param xz        trajectory points, x and z interleaved
 * @param rgb       one 0xRRGGBB colour per point
 */
public record OrbitOverlay(float[] xz, int[] rgb, List<Marker> markers) {

    public OrbitOverlay {
        if (xz.length != 2 * rgb.length) {
            throw new IllegalArgumentException("trajectory has " + xz.length / 2 + " points but " + rgb.length + " colours");
        }
        markers = List.copyOf(markers);
    }

    public static OrbitOverlay empty() {
        return new OrbitOverlay(new float[0], new int[0], List.of());
    }

    public int points() {
        return rgb.length;
    }

    /**
     * An upright post at (x, z), {@code height} m tall, with a flat arrow at its foot pointing along {@code yaw}
     * (the view's yaw convention); {@code size} is the post's width in metres.
     */
    public record Marker(double x, double z, double yaw, int rgb, double height, double size) {
    }
}
