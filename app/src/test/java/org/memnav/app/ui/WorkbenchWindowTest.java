package org.memnav.app.ui;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
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

/**
 * The real window, headless (Monocle): a live run draws the trajectory and updates the status line, Stop stops it;
 * a real recording is scrubbed (every view follows), a patch clicked (heatmap peaks there) and a what-if slider moved.
 */
class WorkbenchWindowTest {

    @TempDir
    static Path dir;
    static Path recording;

    @BeforeAll
    static void record() {
        recording = RecordedRunFixture.record(dir, 90);
    }

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
        assertThat(status.getText()).isNotEqualTo(earlyStatus).contains("step ").contains("subtask ").contains("memory ");
        assertThat(robot.lookup("#topDownMap").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(robot.lookup("#followLive").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#egocentricView").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(stage.getTitle()).contains("apartment-7");

        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        assertThat(robot.lookup("#stopButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void scrubbingARecordingMovesEveryViewAndAPatchClickPeaksThere() throws Exception {
        FxToolkit.registerPrimaryStage();
        vm = new WorkbenchViewModel(executor, Platform::runLater);
        FxToolkit.setupStage(s -> WorkbenchWindow.show(s, vm));
        FxRobot robot = new FxRobot();
        vm.open(recording);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.lastStepProperty().get() >= 89 && vm.snapshotProperty().get() != null);

        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        ImageView map = robot.lookup("#topDownMap").queryAs(ImageView.class);
        ImageView ego = robot.lookup("#egocentricView").queryAs(ImageView.class);
        HBox strip = robot.lookup("#memoryStrip").queryAs(HBox.class);
        robot.interact(() -> timeline.setValue(20));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.stepProperty().get() == 20);
        WaitForAsyncUtils.waitForFxEvents();
        int[] mapAt20 = pixels(map);
        int[] egoAt20 = pixels(ego);
        int cardsAt20 = strip.getChildren().size();
        String decisionAt20 = robot.lookup("#decisionSummary").queryAs(Label.class).getText();

        robot.interact(() -> timeline.setValue(85));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.stepProperty().get() == 85);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pixels(map)).isNotEqualTo(mapAt20);
        assertThat(pixels(ego)).isNotEqualTo(egoAt20);
        assertThat(strip.getChildren().size()).isNotEqualTo(cardsAt20);
        assertThat(robot.lookup("#decisionSummary").queryAs(Label.class).getText()).isNotEqualTo(decisionAt20);
        assertThat(robot.lookup("#statusLine").queryAs(Label.class).getText()).contains("step 85 /");
        assertThat(robot.lookup("#stepCounter").queryAs(Label.class).getText()).startsWith("step 85");

        robot.interact(() -> robot.lookup("#timeline").query().requestFocus());
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.stepProperty().get() == 84);

        // Click the patch in row 3, column 10 of the 16x16 grid.
        Bounds b = ego.localToScreen(ego.getBoundsInLocal());
        robot.clickOn(new Point2D(b.getMinX() + (10.5 / 16) * b.getWidth(), b.getMinY() + (3.5 / 16) * b.getHeight()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.snapshotProperty().get().heatmap() != null);
        WaitForAsyncUtils.waitForFxEvents(); // the property is set before its listeners (the views) have run
        MomentSnapshot s = vm.snapshotProperty().get();
        assertThat(s.heatmapNote()).contains("patch (3, 10)");
        ImageView heat = robot.lookup("#similarityHeatmap").queryAs(ImageView.class);
        assertThat(heat.getImage()).isNotNull();
        // The clicked patch is a brightest cell of the overlay (by the colour ramp's luminance); uniform surfaces
        // (a plain wall) may tie with it, since their patches' features are nearly identical.
        int w = (int) heat.getImage().getWidth();
        int h = (int) heat.getImage().getHeight();
        double best = -1;
        int bestRow = -1;
        int bestCol = -1;
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                int argb = heat.getImage().getPixelReader().getArgb(c * w / 16 + w / 32, r * h / 16 + h / 32);
                double lum = 0.3 * (argb >> 16 & 0xFF) + 0.59 * (argb >> 8 & 0xFF) + 0.11 * (argb & 0xFF);
                if (lum > best) {
                    best = lum;
                    bestRow = r;
                    bestCol = c;
                }
            }
        }
        int clicked = heat.getImage().getPixelReader().getArgb(10 * w / 16 + w / 32, 3 * h / 16 + h / 32);
        double clickedLum = 0.3 * (clicked >> 16 & 0xFF) + 0.59 * (clicked >> 8 & 0xFF) + 0.11 * (clicked & 0xFF);
        assertThat(clickedLum).as("brightest at (%d, %d)", bestRow, bestCol).isGreaterThanOrEqualTo(best - 1);

        // Moving the memory-length slider re-runs the policy and fills the counterfactual panel.
        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") instanceof Label l && l.getText().equals("What-if"))
                .queryAs(javafx.scene.Node.class));
        Label decision = robot.lookup("#whatIfDecision").queryAs(Label.class);
        String before = decision.getText();
        robot.interact(() -> robot.lookup("#whatIfLength").queryAs(Slider.class).setValue(1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !decision.getText().equals(before));
        String withOne = decision.getText();
        assertThat(withOne).contains("memory 1 frames");
        robot.interact(() -> robot.lookup("#whatIfRate").queryAs(Slider.class).setValue(3));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !decision.getText().equals(withOne));
        assertThat(decision.getText()).contains("rate 64×");
        assertThat(robot.lookup("#whatIfTable").queryAs(TableView.class).getItems()).isNotEmpty();
    }

    @Test
    void comparingOpensTwoRunsOnOneMapAndTheTableShowsBoth() throws Exception {
        Path other = RecordedRunFixture.record(dir, 60, 64, 5, "astranav-seed7-rate64.mcap");
        FxToolkit.registerPrimaryStage();
        vm = new WorkbenchViewModel(executor, Platform::runLater);
        FxToolkit.setupStage(s -> WorkbenchWindow.show(s, vm));
        FxRobot robot = new FxRobot();
        vm.open(recording);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.snapshotProperty().get() != null);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.recordingProperty().get());
        var file = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().getFirst();
        assertThat(file.getItems()).filteredOn(i -> "compareMenu".equals(i.getId())).singleElement()
                .satisfies(i -> assertThat(i.isDisable()).isFalse());              // offered once a recording is open
        vm.compareWith(other); // what File ▸ Compare with… does with the chosen file
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.snapshotProperty().get() != null
                && vm.snapshotProperty().get().comparedMoment() != null);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> totals = robot.lookup("#comparisonTotals").queryAs(TableView.class);
        assertThat(totals.getItems()).hasSize(2);
        assertThat(totals.getItems().get(0).toString()).contains("A: astranav-seed7.mcap");
        assertThat(totals.getItems().get(1).toString()).contains("B: astranav-seed7-rate64.mcap");
        assertThat(totals.isVisible()).isTrue(); // the Compare tab came to the front
        assertThat(robot.lookup("#comparisonTable").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(robot.lookup("#comparedRunLegend").queryAs(Label.class).getText()).contains("rate 64x");
        assertThat(robot.lookup("#comparedRunLegend").queryAs(Label.class).isVisible()).isTrue();
        ImageView map = robot.lookup("#topDownMap").queryAs(ImageView.class);
        assertThat(pixels(map)).contains(org.memnav.app.replay.MomentMap.COMPARED_RUN_ARGB);

        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        robot.interact(() -> timeline.setValue(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.snapshotProperty().get().moment().step() == 30);
        assertThat(vm.snapshotProperty().get().comparedMoment().step()).isEqualTo(30);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusLine").queryAs(Label.class).getText()).contains("B: step 30");

        // Export: the plots (Compression tab brought forward) and the map as PNG, as File ▸ Export does after its dialog.
        Path plots = dir.resolve("shots/plots.png");
        Path mapPng = dir.resolve("shots/map.png");
        robot.interact(() -> vm.savePng(SnapshotExport.capture(robot.lookup("#plots").query()), plots));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> plots.equals(vm.lastExportProperty().get()));
        robot.interact(() -> vm.savePng(SnapshotExport.capture(robot.lookup("#topDownMap").query().getParent()), mapPng));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> mapPng.equals(vm.lastExportProperty().get()));
        var shot = javax.imageio.ImageIO.read(mapPng.toFile());
        assertThat(shot.getWidth()).isGreaterThan(150);
        int orange = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                orange += (shot.getRGB(x, y) | 0xFF000000) == org.memnav.app.replay.MomentMap.COMPARED_RUN_ARGB ? 1 : 0;
            }
        }
        assertThat(orange).as("run B's path in the saved map").isGreaterThan(0);
        assertThat(javax.imageio.ImageIO.read(plots.toFile()).getWidth()).isGreaterThan(100);
    }

    private static int[] pixels(ImageView view) {
        var img = view.getImage();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }
}
