package org.memnav.app.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.replay.OpTimeline;
import org.memnav.recordings.MemoryOperation;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window (Monocle) on a real `tools` recording: scrubbing changes the Memory inspector; hovering a tick names the op. */
class MemoryInspectorWindowTest {

    @TempDir
    static Path dir;
    static Path recording;

    @BeforeAll
    static void record() {
        recording = RecordedRunFixture.record(dir, 120, "tools", 16, 20, "tools.mcap");
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
    void scrubbingChangesTheInspectorAndHoveringATickNamesTheOperation() throws Exception {
        FxToolkit.registerPrimaryStage();
        vm = new WorkbenchViewModel(executor, Platform::runLater);
        FxToolkit.setupStage(s -> WorkbenchWindow.show(s, vm));
        FxRobot robot = new FxRobot();
        vm.open(recording);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.lastStepProperty().get() >= 119 && vm.snapshotProperty().get() != null);
        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") instanceof Label l && l.getText().equals("Memory inspector"))
                .queryAs(Node.class));

        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        Label headline = robot.lookup("#inspectorHeadline").queryAs(Label.class);
        TableView<?> ops = robot.lookup("#inspectorOps").queryAs(TableView.class);
        HBox sections = robot.lookup("#inspectorSections").queryAs(HBox.class);
        robot.interact(() -> timeline.setValue(10));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.stepProperty().get() == 10);
        WaitForAsyncUtils.waitForFxEvents();
        String headlineAt10 = headline.getText();
        List<?> opsAt10 = List.copyOf(ops.getItems());
        assertThat(headlineAt10).startsWith("step 10 · arm tools");
        assertThat(sections.getChildren()).hasSize(2); // long-term landmarks, short-term window

        robot.interact(() -> timeline.setValue(110));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.stepProperty().get() == 110);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).startsWith("step 110 · arm tools").isNotEqualTo(headlineAt10).contains("summary");
        assertThat(ops.getItems()).isNotEmpty().isNotEqualTo(opsAt10);
        assertThat(ops.getItems()).allSatisfy(o -> assertThat(((MemoryOperation) o).step()).isBetween(61, 110));

        // Hover the tick of a summary: the label under the timeline names the kind and its reason.
        MemoryOperation summary = vm.memoryOperationsProperty().get().stream()
                .filter(o -> o.kind() == MemoryOperation.Kind.SUMMARY).findFirst().orElseThrow();
        Canvas ticks = (Canvas) robot.lookup("#timeline").queryAs(Slider.class).getParent().getChildrenUnmodifiable().get(1)
                .lookup("Canvas");
        double x = new OpTimeline(List.of(), vm.lastStepProperty().get(), ticks.getWidth(), 8).x(summary.step());
        robot.moveTo(ticks.localToScreen(x, ticks.getHeight() - 2));
        Label hover = robot.lookup("#opHover").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hover.getText().contains("step " + summary.step()));
        assertThat(hover.getText()).contains("summary (condense)").contains(summary.detail());
    }
}
