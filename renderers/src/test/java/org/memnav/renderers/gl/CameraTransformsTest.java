package org.memnav.renderers.gl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CameraTransformsTest {

    @Test
    void aPointStraightAheadProjectsToTheImageCentre() {
        CameraView c = CameraView.of(1, 1.5, 2, 0, 0, 90, 100, 50);
        double[] p = CameraTransforms.worldToPixel(c, 1, 1.5, -3);
        assertThat(p[0]).isCloseTo(50, within(1e-6));
        assertThat(p[1]).isCloseTo(25, within(1e-6));
        assertThat(p[2]).isCloseTo(5, within(1e-6));
    }

    @Test
    void theHorizontalFieldOfViewSpansTheImageWidth() {
        CameraView c = CameraView.of(0, 0, 0, 0, 0, 90, 100, 50);
        // 45 degrees to the right lands on the right edge.
        assertThat(CameraTransforms.worldToPixel(c, 1, 0, -1)[0]).isCloseTo(100, within(1e-6));
        // Square pixels: the same angular offset upward covers twice the relative height.
        assertThat(CameraTransforms.worldToPixel(c, 0, 0.5, -1)[1]).isCloseTo(0, within(1e-6));
    }

    @Test
    void yawAndPitchFollowHabitatConventions() {
        CameraView left = CameraView.of(0, 0, 0, Math.PI / 2, 0, 90, 10, 10);
        assertThat(left.forward()[0]).isCloseTo(-1, within(1e-9));
        double[] ahead = CameraTransforms.worldToPixel(left, -4, 0, 0);
        assertThat(ahead[0]).isCloseTo(5, within(1e-6));
        assertThat(ahead[2]).isCloseTo(4, within(1e-6));
        CameraView up = CameraView.of(0, 0, 0, 0, Math.PI / 4, 90, 10, 10);
        assertThat(up.forward()[1]).isCloseTo(Math.sqrt(0.5), within(1e-9));
        assertThat(CameraTransforms.worldToPixel(up, 0, 1, -1)[1]).isCloseTo(5, within(1e-6));
    }

    @Test
    void pointsBehindTheCameraDoNotProject() {
        assertThat(CameraTransforms.worldToPixel(CameraView.of(0, 0, 0, 0, 0, 90, 10, 10), 0, 0, 1)).isNull();
    }

    @Test
    void projectionMapsNearAndFarToTheDepthRange() {
        CameraView c = new CameraView(0, 0, 0, 0, 0, 90, 10, 10, 0.5, 50);
        float[] m = CameraTransforms.projection(c);
        assertThat((m[10] * -0.5 + m[14]) / 0.5).isCloseTo(-1.0, within(1e-5));
        assertThat((m[10] * -50.0 + m[14]) / 50).isCloseTo(1.0, within(1e-5));
    }
}
