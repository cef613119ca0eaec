package org.memnav.simbridge.api;

/** 8-bit RGB, row-major, top row first, 3 bytes per pixel (numpy uint8 [H, W, 3]). */
public record RgbImage(int width, int height, byte[] data) {
    public RgbImage {
        if (data.length != width * height * 3) {
            throw new IllegalArgumentException("rgb buffer has " + data.length + " bytes, expected " + width + "x" + height + "x3");
        }
    }
}
