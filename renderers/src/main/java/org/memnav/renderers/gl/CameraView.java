package org.memnav.renderers.gl;

/**
 * A pinhole camera for one sensor frame. World axes: metres, +y up. {@code yaw} rotates about +y
 * (yaw 0 looks along -z, positive yaw turns counter-clockwise seen from above, as in Habitat);
 * {@code pitch} tilts about the camera's right axis, positive looks up. The horizontal field of
 * view is {@code hfovDeg}; the vertical one follows from the aspect ratio (square pixels).
 */
public record CameraView(double x, double y, double z, double yaw, double pitch,
                         double hfovDeg, int width, int height, double near, double far) {

    public CameraView {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (!(hfovDeg > 0 && hfovDeg < 180)) {
            throw new IllegalArgumentException("hfovDeg must be in (0, 180), got " + hfovDeg);
        }
        if (!(near > 0 && far > near)) {
            throw new IllegalArgumentException("need 0 < near < far, got near=" + near + " far=" + far);
        }
    }

    /** Camera with Habitat-like clip planes (1 cm to 100 m). */
    public static CameraView of(double x, double y, double z, double yaw, double pitch,
                                double hfovDeg, int width, int height) {
        return new CameraView(x, y, z, yaw, pitch, hfovDeg, width, height, 0.01, 100.0);
    }

    public CameraView withPose(double newX, double newY, double newZ, double newYaw, double newPitch) {
        return new CameraView(newX, newY, newZ, newYaw, newPitch, hfovDeg, width, height, near, far);
    }

    public CameraView withSize(int newWidth, int newHeight) {
        return new CameraView(x, y, z, yaw, pitch, hfovDeg, newWidth, newHeight, near, far);
    }

    /** Unit viewing direction in world coordinates. */
    public double[] forward() {
        double cp = Math.cos(pitch);
        return new double[] {-Math.sin(yaw) * cp, Math.sin(pitch), -Math.cos(yaw) * cp};
    }

    /** tan of half the horizontal field of view. */
    double tanHalfHfov() {
        return Math.tan(Math.toRadians(hfovDeg) / 2);
    }

    /** tan of half the vertical field of view, from the aspect ratio. */
    double tanHalfVfov() {
        return tanHalfHfov() * height / width;
    }
}
