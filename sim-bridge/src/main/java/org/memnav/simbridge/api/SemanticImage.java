package org.memnav.simbridge.api;

/** Instance id per pixel, row-major, top row first (numpy int32 [H, W]); 0 = structure (floor, walls). */
public record SemanticImage(int width, int height, int[] ids) {
    public SemanticImage {
        if (ids.length != width * height) {
            throw new IllegalArgumentException("semantic buffer has " + ids.length + " values, expected " + width + "x" + height);
        }
    }
}
