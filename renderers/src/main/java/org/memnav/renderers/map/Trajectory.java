package org.memnav.renderers.map;

/**
 * A path of floor points with a mode per segment. Point i is (xz[2i], xz[2i+1]); segment i joins
 * point i to point i+1 and is drawn in the style's colour for {@code segmentModes[i]} (for
 * example 0 = exploration, 1 = memory-guided; see {@link MapStyle#trajectoryModeColors()}).
 * Primitive arrays keep 100k-step paths compact.
 */
public record Trajectory(float[] xz, byte[] segmentModes) {

    public Trajectory {
        if (xz.length % 2 != 0) {
            throw new IllegalArgumentException("xz must hold pairs, got " + xz.length + " values");
        }
        int points = xz.length / 2;
        if (segmentModes.length != Math.max(0, points - 1)) {
            throw new IllegalArgumentException(points + " points need " + Math.max(0, points - 1)
                    + " segment modes, got " + segmentModes.length);
        }
    }

    public static Trajectory empty() {
        return new Trajectory(new float[0], new byte[0]);
    }

    public int pointCount() {
        return xz.length / 2;
    }
}
