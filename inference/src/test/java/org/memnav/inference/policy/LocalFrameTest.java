package org.memnav.inference.policy;

import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LocalFrameTest {

    @Test
    void forwardIsWherePoseForwardPointsAndRightIsClockwiseFromAbove() {
        Pose pose = new Pose(new Vec3(2, 0, 3), 0); // yaw 0 looks along -z
        LocalFrame frame = new LocalFrame(pose);
        Vec3 ahead = frame.toWorld(1, 0);
        assertThat(ahead.x()).isCloseTo(2 + pose.forward().x(), within(1e-9));
        assertThat(ahead.z()).isCloseTo(3 + pose.forward().z(), within(1e-9));
        Vec3 right = frame.toWorld(0, 1);
        assertThat(right.x()).isCloseTo(3, within(1e-9)); // looking along -z, right is +x
        assertThat(right.z()).isCloseTo(3, within(1e-9));
    }

    @Test
    void toLocalUndoesToWorldAtAnyYaw() {
        for (double yaw = -3; yaw <= 3; yaw += 0.7) {
            LocalFrame frame = new LocalFrame(new Pose(new Vec3(-1.5, 0, 4.2), yaw));
            double[] local = frame.toLocal(frame.toWorld(2.5, -0.75));
            assertThat(local[0]).isCloseTo(2.5, within(1e-9));
            assertThat(local[1]).isCloseTo(-0.75, within(1e-9));
        }
    }
}
