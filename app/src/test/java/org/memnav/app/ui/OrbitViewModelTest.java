package org.memnav.app.ui;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.replay.LoadedRun;
import org.memnav.app.replay.OrbitOverlays;
import org.memnav.app.replay.RunMoment;
import org.memnav.renderers.map.ArgbImage;
import org.memnav.renderers.orbit.OrbitCamera;
import org.memnav.renderers.orbit.OrbitOverlay;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The 3D tab's model without a window: a real recording rendered offscreen, following the playhead and the mouse. */
class OrbitViewModelTest {

    @TempDir
    static Path dir;
    static Path recording;

    @BeforeAll
    static void record() {
        recording = RecordedRunFixture.record(dir, 90);
    }

    @Test
    void rendersOnlyWhenShownThenFollowsThePlayheadDragAndScroll() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        OrbitViewModel orbit = vm.orbit();
        vm.open(recording);
        vm.seek(80);
        assertThat(orbit.imageProperty().get()).isNull(); // the tab is not shown: nothing rendered

        orbit.setSize(320, 200);
        orbit.setActive(true);
        ArgbImage at80 = orbit.imageProperty().get();
        assertThat(at80).isNotNull();
        assertThat(at80.width()).isEqualTo(320);
        assertThat(java.util.Arrays.stream(at80.pixels()).distinct().count()).isGreaterThan(20);
        assertThat(orbit.noteProperty().get()).startsWith("step 80");
        OrbitCamera framed = orbit.cameraProperty().get();
        assertThat(framed).isNotNull();

        vm.seek(10); // less path, the agent elsewhere
        ArgbImage at10 = orbit.imageProperty().get();
        assertThat(at10.pixels()).isNotEqualTo(at80.pixels());

        orbit.orbitBy(100, 0); // drag right: the camera turns around the scene
        assertThat(orbit.cameraProperty().get().azimuthDeg()).isNotEqualTo(framed.azimuthDeg());
        ArgbImage turned = orbit.imageProperty().get();
        assertThat(turned.pixels()).isNotEqualTo(at10.pixels());

        orbit.zoomBy(200); // wheel away: closer
        assertThat(orbit.cameraProperty().get().distance()).isLessThan(framed.distance());
        assertThat(orbit.imageProperty().get().pixels()).isNotEqualTo(turned.pixels());

        orbit.setActive(false);
        ArgbImage hidden = orbit.imageProperty().get();
        vm.seek(50);
        assertThat(orbit.imageProperty().get()).isSameAs(hidden); // hidden: no rendering
        vm.close();
    }

    @Test
    void theOverlayHoldsThePathSoFarTheRememberedPosesAndTheAgent() throws Exception {
        try (LoadedRun run = LoadedRun.open(recording)) {
            RunMoment m = run.history().momentAt(60);
            OrbitOverlay overlay = OrbitOverlays.at(run.history(), m);
            assertThat(overlay.points()).isEqualTo(61);
            assertThat(overlay.markers()).hasSize(m.memory().size() + 1);
            OrbitOverlay.Marker agent = overlay.markers().getLast();
            assertThat(agent.rgb()).isEqualTo(OrbitOverlays.AGENT_RGB);
            assertThat(agent.x()).isEqualTo(m.pose().position().x());
            assertThat(overlay.xz()[2 * 60]).isEqualTo((float) m.pose().position().x());
        }
    }
}
