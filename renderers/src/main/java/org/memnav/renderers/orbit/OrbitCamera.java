package org.memnav.renderers.orbit;

import org.memnav.renderers.gl.CameraView;

/**
 * A camera orbiting a target point: {@code azimuthDeg} turns it around +y (0 looks along -z, positive turns
 * counter-clockwise seen from above, as {@link CameraView}'s yaw), {@code elevationDeg} lifts it above the target
 * (positive looks down), {@code distance} in metres from the target.
 */
public record OrbitCamera(double targetX, double targetY, double targetZ, double azimuthDeg, double elevationDeg, double distance) {

    public static final double MIN_ELEVATION_DEG = 5;
    public static final double MAX_ELEVATION_DEG = 89;
    public static final double MIN_DISTANCE = 1;
    public static final double MAX_DISTANCE = 200;
    /** Field of view across the image's shorter side; a wide image sees more to the sides, never less up and down. */
    private static final double SHORT_SIDE_FOV_DEG = 60;

    public OrbitCamera {
        if (!Double.isFinite(azimuthDeg) || !Double.isFinite(elevationDeg) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("orbit camera needs finite angles and distance");
        }
        azimuthDeg = ((azimuthDeg % 360) + 360) % 360;
        elevationDeg = Math.max(MIN_ELEVATION_DEG, Math.min(MAX_ELEVATION_DEG, elevationDeg));
        distance = Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, distance));
    }

    /** Looking at the middle of {@code bounds} ({minX, minY, minZ, maxX, maxY, maxZ}) from far enough to see all of it. */
    public static OrbitCamera framing(float[] bounds) {
        double cx = (bounds[0] + bounds[3]) / 2;
        double cz = (bounds[2] + bounds[5]) / 2;
        double extent = Math.max(bounds[3] - bounds[0], bounds[5] - bounds[2]);
        return new OrbitCamera(cx, 0, cz, 30, 55, Math.max(3, extent * 1.1));
    }

    /** Turned by {@code dAzimuthDeg} around the target and lifted by {@code dElevationDeg} (clamped above the floor). */
    public OrbitCamera orbit(double dAzimuthDeg, double dElevationDeg) {
        return new OrbitCamera(targetX, targetY, targetZ, azimuthDeg + dAzimuthDeg, elevationDeg + dElevationDeg, distance);
    }

    /** Closer ({@code factor} below 1) or farther, clamped to [{@value #MIN_DISTANCE}, {@value #MAX_DISTANCE}] m. */
    public OrbitCamera zoom(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be positive, got " + factor);
        }
        return new OrbitCamera(targetX, targetY, targetZ, azimuthDeg, elevationDeg, distance * factor);
    }

    /** The pinhole camera at the orbit position looking at the target. */
    public CameraView view(int width, int height) {
        double yaw = Math.toRadians(azimuthDeg);
        double pitch = -Math.toRadians(elevationDeg);
        double cp = Math.cos(pitch);
        double fx = -Math.sin(yaw) * cp;
        double fy = Math.sin(pitch);
        double fz = -Math.cos(yaw) * cp;
        double tanHalf = Math.tan(Math.toRadians(SHORT_SIDE_FOV_DEG) / 2);
        double hfov = width >= height ? Math.min(160, Math.toDegrees(2 * Math.atan(tanHalf * width / height))) : SHORT_SIDE_FOV_DEG;
        return new CameraView(targetX - fx * distance, targetY - fy * distance, targetZ - fz * distance, yaw, pitch, hfov,
                width, height, 0.05, distance + 100);
    }
}
