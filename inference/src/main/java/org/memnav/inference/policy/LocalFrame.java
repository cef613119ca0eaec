package org.memnav.inference.policy;

import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

/**
 * A pose's own horizontal axes: forward = (-sin yaw, -cos yaw) and right = (cos yaw, -sin yaw) in
 * world x-z (the simulator's yaw 0 looks along -z). The policy sees every position in the agent's
 * local frame and reports remembered goals in the remembering frame's local frame; the training
 * scripts (memnav_data.local_offset) use the same formulas.
 */
public record LocalFrame(Pose pose) {

    /** {forward metres, right metres} of world point {@code p}. */
    public double[] toLocal(Vec3 p) {
        double dx = p.x() - pose.position().x();
        double dz = p.z() - pose.position().z();
        double sin = Math.sin(pose.yaw());
        double cos = Math.cos(pose.yaw());
        return new double[] {-sin * dx - cos * dz, cos * dx - sin * dz};
    }

    /** The world point {@code forward} metres ahead and {@code right} metres to the right of the pose. */
    public Vec3 toWorld(double forward, double right) {
        double sin = Math.sin(pose.yaw());
        double cos = Math.cos(pose.yaw());
        return new Vec3(pose.position().x() - forward * sin + right * cos, pose.position().y(),
                pose.position().z() - forward * cos - right * sin);
    }
}
