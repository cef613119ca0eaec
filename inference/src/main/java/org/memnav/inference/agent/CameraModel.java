package org.memnav.inference.agent;

import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

/**
 * Pinhole back-projection of depth pixels to world points, with the simulator's conventions
 * (camera at {@code cameraHeight} above the base, looking along the pose's forward axis, level).
 */
record CameraModel(int width, int height, double hfovDeg, double cameraHeight) {

    double focal() {
        return (width / 2.0) / Math.tan(Math.toRadians(hfovDeg) / 2);
    }

    /** World point seen at pixel (u, v) with view depth {@code d} metres from the given pose. */
    Vec3 unproject(Pose pose, int u, int v, double d) {
        double f = focal();
        double xc = (u + 0.5 - width / 2.0) / f * d;
        double yc = -(v + 0.5 - height / 2.0) / f * d;
        double sin = Math.sin(pose.yaw());
        double cos = Math.cos(pose.yaw());
        // right = (cos, 0, -sin), forward = (-sin, 0, -cos)
        double wx = pose.position().x() + xc * cos - d * sin;
        double wz = pose.position().z() - xc * sin - d * cos;
        return new Vec3(wx, pose.position().y() + cameraHeight + yc, wz);
    }
}
