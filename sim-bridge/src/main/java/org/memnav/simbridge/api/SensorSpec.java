package org.memnav.simbridge.api;

/** Camera resolution and horizontal field of view shared by the RGB, depth and semantic sensors. */
public record SensorSpec(int width, int height, double hfovDeg) {

    /** The encoder's input size; GOAT parity (360x640, hfov 42) is selectable instead. */
    public static SensorSpec encoderDefault() {
        return new SensorSpec(256, 256, 90);
    }

    /** GOAT-Bench's Stretch head camera: portrait 360 wide x 640 high, horizontal field of view 42 degrees. */
    public static SensorSpec goatParity() {
        return new SensorSpec(360, 640, 42);
    }

    public int pixels() {
        return width * height;
    }
}
