package org.memnav.app.ui;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.memnav.app.session.RunSettings;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Opens the workbench window without an Application subclass (so nothing static holds the run's
 * settings) and blocks until it closes. Optionally saves a PNG of the real window after N steps.
 */
public final class WorkbenchWindow {

    /** Screenshot request: write the window to {@code file} once the run reached {@code afterSteps}, then close. */
    public record Screenshot(Path file, int afterSteps) {
    }

    private WorkbenchWindow() {
    }

    public static Stage show(Stage stage, WorkbenchViewModel vm) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        WorkbenchView view = new WorkbenchView(vm);
        // As large as a 1600x1000 screen allows, never larger than the screen (a laptop, Monocle's 1280x800).
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1560, screen.getWidth()), Math.min(980, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchWindow.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.show();
        return stage;
    }

    /**
     * Runs the workbench until its window is closed: a live run with {@code settings}, or the recording
     * {@code recording} when it is not null, compared with {@code compare} when that is not null, with the lower tab
     * titled {@code tab} shown (null: the first). Returns a process exit code.
     */
    public static int runUntilClosed(RunSettings settings, Path recording, Path compare, Screenshot screenshot, String tab)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        int[] exit = {0};
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor()) {
            Platform.startup(() -> {
                WorkbenchViewModel vm = new WorkbenchViewModel(executor, Platform::runLater);
                vm.useRunTemplate(settings);
                Stage stage = show(new Stage(), vm);
                stage.setOnHidden(e -> {
                    vm.close();
                    closed.countDown();
                });
                if (tab != null && !selectTab(stage, tab)) {
                    System.err.println("memnav: no tab '" + tab + "' in the window; showing the first");
                }
                boolean wants3d = "3D".equalsIgnoreCase(tab);
                if (screenshot != null && recording != null) {
                    // A recording: show step N, click the centre patch, then save once that moment is drawn.
                    vm.lastStepProperty().addListener((obs, old, last) -> {
                        if (last.intValue() > 0 && vm.stepProperty().get() == 0) {
                            vm.scrubTo(Math.min(last.intValue(), screenshot.afterSteps()));
                        }
                    });
                    vm.snapshotProperty().addListener((obs, old, s) -> {
                        int want = Math.min(vm.lastStepProperty().get(), screenshot.afterSteps());
                        if (s == null || want <= 0 || !stage.isShowing()) {
                            return;
                        }
                        if (s.moment().step() != want) {
                            vm.scrubTo(want);
                        } else if (s.heatmap() == null) {
                            vm.selectPatch(8, 8);
                            vm.requestWhatIf(4, 10);
                        } else if (vm.counterfactualProperty().get() != null && (compare == null || s.comparedMoment() != null)
                                && (!wants3d || vm.orbit().imageFitsView())) {
                            // Later in the FX queue: the snapshot is set before the step counter and status line follow it.
                            Platform.runLater(() -> {
                                if (stage.isShowing()) {
                                    exit[0] = save(stage, screenshot.file());
                                    stage.hide();
                                }
                            });
                        }
                    });
                    vm.counterfactualProperty().addListener((obs, old, c) -> vm.seek(vm.stepProperty().get()));
                    vm.orbit().imageProperty().addListener((obs, old, img) -> {
                        if (wants3d && vm.orbit().imageFitsView()) {
                            vm.seek(vm.stepProperty().get());
                        }
                    });
                } else if (screenshot != null) {
                    vm.stepProperty().addListener((obs, old, step) -> {
                        if (step.intValue() >= screenshot.afterSteps() && stage.isShowing()) {
                            exit[0] = save(stage, screenshot.file());
                            stage.hide();
                        }
                    });
                    vm.runningProperty().addListener((obs, was, now) -> {
                        if (!now && stage.isShowing()) {
                            exit[0] = save(stage, screenshot.file());
                            stage.hide();
                        }
                    });
                }
                if (recording != null) {
                    vm.open(recording);
                    if (compare != null) {
                        vm.compareWith(compare); // the open lane runs in order: after the recording is loaded
                    }
                } else {
                    vm.start(settings);
                }
            });
            closed.await();
        } finally {
            Platform.exit();
        }
        return exit[0];
    }

    /** What {@link #measureFramePacing} saw: pulse intervals, FX-thread update times, and the run's pace. */
    public record FramePacing(FrameTimes pulseIntervals, FrameTimes updateTimes, int steps, double seconds) {
    }

    /**
     * Opens the window on a live run with {@code settings}, measures frame pacing until the run reaches
     * {@code steps} steps (or ends), then closes it. The benchmark behind {@code memnav bench ui}.
     */
    public static FramePacing measureFramePacing(RunSettings settings, int steps) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        FramePacingProbe probe = new FramePacingProbe();
        long[] window = new long[2];
        int[] reached = {0};
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor()) {
            Platform.startup(() -> {
                WorkbenchViewModel vm = new WorkbenchViewModel(executor, probe.timedUiThread());
                vm.useRunTemplate(settings);
                Stage stage = show(new Stage(), vm);
                stage.setOnHidden(e -> {
                    probe.stop();
                    window[1] = System.nanoTime();
                    vm.close();
                    closed.countDown();
                });
                vm.stepProperty().addListener((obs, old, step) -> {
                    reached[0] = Math.max(reached[0], step.intValue());
                    if (step.intValue() >= steps && stage.isShowing()) {
                        stage.hide();
                    }
                });
                vm.runningProperty().addListener((obs, was, now) -> {
                    if (!now && stage.isShowing()) {
                        stage.hide();
                    }
                });
                window[0] = System.nanoTime();
                probe.start();
                vm.start(settings);
            });
            closed.await();
        } finally {
            Platform.exit();
        }
        return new FramePacing(probe.pulseIntervals(), probe.updateTimes(), reached[0], (window[1] - window[0]) / 1e9);
    }

    /** Selects the lower tab titled {@code title}; false when there is none. */
    static boolean selectTab(Stage stage, String title) {
        for (javafx.scene.Node n : stage.getScene().getRoot().lookupAll(".tab-pane")) {
            if (n instanceof javafx.scene.control.TabPane pane) {
                for (javafx.scene.control.Tab t : pane.getTabs()) {
                    if (t.getText().equalsIgnoreCase(title)) {
                        pane.getSelectionModel().select(t);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int save(Stage stage, Path file) {
        WritableImage shot = stage.getScene().snapshot(null);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", file.toFile());
            System.err.println("memnav: saved screenshot " + file);
            return 0;
        } catch (IOException e) {
            System.err.println("memnav: cannot write screenshot " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
