package org.memnav.app.ui;

import org.junit.jupiter.api.Test;
import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RunSettings;
import org.memnav.scenes.sim.SceneRef;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The view-model without any window: a real (short) run on the embedded simulator, same-thread. */
class WorkbenchViewModelTest {

    @Test
    void aRunFillsTheMapFrameAndStatusLine() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        List<Integer> seenSteps = new ArrayList<>();
        vm.stepProperty().addListener((o, a, b) -> seenSteps.add(b.intValue()));

        vm.start(new RunSettings(null, SceneRef.DEFAULT, 7, 1, 1, 20, ProjectPaths.defaultEncoderManifest(), null));

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(seenSteps).isNotEmpty();
        assertThat(vm.stepProperty().get()).isGreaterThan(12); // at least the initial look-around
        assertThat(vm.trajectoryPointsProperty().get()).isEqualTo(vm.stepProperty().get() + 1);
        assertThat(vm.mapProperty().get()).isNotNull();
        assertThat(vm.egocentricProperty().get().width()).isEqualTo(256);
        assertThat(vm.statusLineProperty().get()).contains("step " + vm.stepProperty().get()).contains("provider CPU")
                .contains("episode");
        assertThat(vm.titleProperty().get()).contains("apartment-7");
    }

    @Test
    void aFailingRunReportsItsReason() {
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.start(new RunSettings(null, "no-such-scene.json", 7, 1, 1, 20, ProjectPaths.defaultEncoderManifest(), null));
        assertThat(vm.errorProperty().get()).contains("no-such-scene.json");
        assertThat(vm.statusLineProperty().get()).startsWith("run failed");
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
