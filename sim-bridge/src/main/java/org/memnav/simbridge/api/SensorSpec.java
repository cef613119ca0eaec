package org.memnav.simbridge.api;

/** Camera resolution and horizontal field of view shared by the RGB, depth and semantic sensors. */
public record SensorSpec(int width, int height, double hfovDeg) {

    /** The encoder's input size; GOAT parity (360x640, hfov 42) is selectable instead. */
    public static SensorSpec encoderDefault() {
        return new SensorSpec(256, 256, 90);
    }

    public int pixels() {
        return width * height;
    }
}
