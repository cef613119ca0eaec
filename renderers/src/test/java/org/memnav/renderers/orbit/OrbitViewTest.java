package org.memnav.renderers.orbit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memnav.renderers.gl.CameraTransforms;
import org.memnav.renderers.gl.CameraView;
import org.memnav.renderers.gl.RenderScene;
import org.memnav.renderers.gl.RenderSceneBuilder;
import org.memnav.renderers.gl.SensorFrame;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The orbit view headless (EGL surfaceless): a room seen from around it, cut away, with a trajectory and markers. */
class OrbitViewTest {

    private static OrbitView view;

    /** A 10 m floor, a 2.5 m wall along x = 3 (red on every side) and a green box near the origin. */
    private static RenderScene room() {
        return new RenderSceneBuilder()
                .addBox(-5, -0.1, -5, 5, 0, 5, 0x808080, RenderScene.STRUCTURE_ID)
                .addBox(3, 0, -4, 3.2, 2.5, 4, 0xCC2222, RenderScene.STRUCTURE_ID)
                .addBox(-1, 0, -1, -0.4, 0.8, -0.4, 0x22AA22, 5)
                .build();
    }

    @BeforeAll
    static void start() {
        view = OrbitView.create(room(), OrbitView.DEFAULT_CUT_HEIGHT_M);
    }

    @AfterAll
    static void stop() {
        view.close();
    }

    @Test
    void theImageShowsTheSceneAndChangesWithTheCameraAngle() {
        OrbitCamera camera = OrbitCamera.framing(view.bounds());
        SensorFrame a = view.render(camera, OrbitOverlay.empty(), 160, 120);
        SensorFrame b = view.render(camera.orbit(90, 0), OrbitOverlay.empty(), 160, 120);
        SensorFrame c = view.render(camera.orbit(0, 25), OrbitOverlay.empty(), 160, 120);
        assertThat(distinctColours(a)).isGreaterThan(3);                        // floor, wall, box, background
        assertThat(covered(a)).isGreaterThan(a.width() * a.height() / 4);       // the floor fills much of it
        assertThat(a.argbPixels()).isNotEqualTo(b.argbPixels());
        assertThat(a.argbPixels()).isNotEqualTo(c.argbPixels());
        assertThat(view.render(camera.zoom(0.5), OrbitOverlay.empty(), 160, 120).argbPixels()).isNotEqualTo(a.argbPixels());
    }

    @Test
    void theCameraLooksAtItsTargetFromAboveAndIsClamped() {
        OrbitCamera camera = new OrbitCamera(1, 0, 2, 45, 60, 10);
        CameraView v = camera.view(200, 100);
        double[] px = CameraTransforms.worldToPixel(v, 1, 0, 2);
        assertThat(px[0]).isCloseTo(100, within(0.5));
        assertThat(px[1]).isCloseTo(50, within(0.5));
        assertThat(v.y()).isCloseTo(10 * Math.sin(Math.toRadians(60)), within(1e-9));
        assertThat(camera.orbit(0, 90).elevationDeg()).isEqualTo(OrbitCamera.MAX_ELEVATION_DEG);
        assertThat(camera.orbit(350, 0).azimuthDeg()).isCloseTo(35, within(1e-9));
        assertThat(camera.zoom(1000).distance()).isEqualTo(OrbitCamera.MAX_DISTANCE);
        assertThatThrownBy(() -> camera.zoom(0)).hasMessageContaining("zoom factor");
    }

    @Test
    void wallsAreCutAwayAndTheOverlayIsDrawnOnTheFloor() {
        assertThat(view.bounds()[4]).isCloseTo((float) OrbitView.DEFAULT_CUT_HEIGHT_M, within(1e-6f));
        OrbitCamera top = new OrbitCamera(0, 0, 0, 0, 89, 12);
        OrbitOverlay path = new OrbitOverlay(new float[] {-3, 2, 0, 2, 1, -3}, new int[] {0x0000FF, 0x0000FF, 0x0000FF},
                List.of(new OrbitOverlay.Marker(-2, -3, 0, 0xFFFF00, 0.6, 0.3)));
        SensorFrame plain = view.render(top, OrbitOverlay.empty(), 200, 200);
        SensorFrame drawn = view.render(top, path, 200, 200);
        assertThat(drawn.argbPixels()).isNotEqualTo(plain.argbPixels());
        // The ribbon's midpoint (-1.5, 2) is blue-ish where the plain floor was grey.
        double[] mid = CameraTransforms.worldToPixel(top.view(200, 200), -1.5, 0.03, 2);
        int px = drawn.rgbAt((int) mid[0], (int) mid[1]);
        assertThat(px & 0xFF).isGreaterThan((px >> 16) & 0xFF);
        assertThatThrownBy(() -> new OrbitOverlay(new float[] {1, 2}, new int[0], List.of())).hasMessageContaining("colours");
    }

    private static long distinctColours(SensorFrame f) {
        return Arrays.stream(f.argbPixels()).distinct().count();
    }

    private static int covered(SensorFrame f) {
        int n = 0;
        for (float d : f.depth()) {
            if (d > 0) {
                n++;
            }
        }
        return n;
    }
}
