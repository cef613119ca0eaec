package org.memnav.simbridge.api;

/** Depth along the camera axis in metres, row-major, top row first (numpy float32 [H, W]); 0 = nothing hit. */
public record DepthImage(int width, int height, float[] metres) {
    public DepthImage {
        if (metres.length != width * height) {
            throw new IllegalArgumentException("depth buffer has " + metres.length + " values, expected " + width + "x" + height);
        }
    }
}
