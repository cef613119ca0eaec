package org.memnav.renderers.map;

import java.util.Arrays;

/** Appends points one step at a time into a {@link Trajectory}. Not thread-safe. */
public final class TrajectoryBuilder {

    private float[] xz = new float[256];
    private byte[] modes = new byte[128];
    private int points;

    /** Adds a point; {@code modeOfSegmentToHere} colours the segment from the previous point (ignored for the first). */
    public TrajectoryBuilder add(double x, double z, int modeOfSegmentToHere) {
        if (points * 2 + 2 > xz.length) {
            xz = Arrays.copyOf(xz, xz.length * 2);
            modes = Arrays.copyOf(modes, xz.length / 2);
        }
        if (points > 0) {
            modes[points - 1] = (byte) modeOfSegmentToHere;
        }
        xz[points * 2] = (float) x;
        xz[points * 2 + 1] = (float) z;
        points++;
        return this;
    }

    public Trajectory build() {
        return new Trajectory(Arrays.copyOf(xz, points * 2), Arrays.copyOf(modes, Math.max(0, points - 1)));
    }
}
