package org.memnav.recordings;

import java.util.Arrays;

/** One {@code /observation/depth} message: metres along the camera axis, row-major, top row first; 0 = no hit. */
public record DepthFrame(int step, long logTimeNs, int width, int height, float[] metres) {
    public DepthFrame {
        if (metres.length != width * height) {
            throw new IllegalArgumentException("depth frame has " + metres.length + " values, expected " + width + "x" + height);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DepthFrame d && d.step == step && d.logTimeNs == logTimeNs && d.width == width
                && d.height == height && Arrays.equals(d.metres, metres);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(metres) * 31 + step;
    }

    @Override
    public String toString() {
        return "DepthFrame[step=" + step + ", " + width + "x" + height + "]";
    }
}
