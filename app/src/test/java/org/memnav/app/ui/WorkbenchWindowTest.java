package org.memnav.app.ui;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RunSettings;
import org.memnav.scenes.sim.SceneRef;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window, headless (Monocle): a live run draws the trajectory and updates the status line; Stop stops it. */
class WorkbenchWindowTest {

    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor();
    private WorkbenchViewModel vm;

    @AfterEach
    void tearDown() throws Exception {
        if (vm != null) {
            vm.stop();
        }
        executor.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void liveRunGrowsTheTrajectoryAndUpdatesTheStatusLineUntilStopped() throws Exception {
        FxToolkit.registerPrimaryStage();
        vm = new WorkbenchViewModel(executor, Platform::runLater);
        Stage stage = FxToolkit.setupStage(s -> WorkbenchWindow.show(s, vm));
        FxRobot robot = new FxRobot();
        vm.start(new RunSettings(null, SceneRef.DEFAULT, 7, 1, 5, 20, ProjectPaths.defaultEncoderManifest(), null));

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.trajectoryPointsProperty().get() >= 10);
        int early = vm.trajectoryPointsProperty().get();
        String earlyStatus = robot.lookup("#statusLine").queryAs(Label.class).getText();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.trajectoryPointsProperty().get() >= early + 20);

        Label status = robot.lookup("#statusLine").queryAs(Label.class);
        assertThat(status.getText()).isNotEqualTo(earlyStatus).contains("step ").contains("subtask ").contains("provider CPU")
                .contains("FPS");
        assertThat(robot.lookup("#topDownMap").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(robot.lookup("#egocentricView").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(stage.getTitle()).contains("apartment-7");

        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(robot.lookup("#stopButton").queryAs(Button.class).isDisabled()).isTrue();
    }
}
