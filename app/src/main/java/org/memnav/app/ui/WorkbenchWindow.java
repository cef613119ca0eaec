package org.memnav.app.ui;

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
        WorkbenchView view = new WorkbenchView(vm);
        stage.setScene(new Scene(view.root(), 1180, 740));
        stage.titleProperty().bind(vm.titleProperty());
        stage.show();
        return stage;
    }

    /** Runs the workbench until its window is closed. Returns a process exit code. */
    public static int runUntilClosed(RunSettings settings, Screenshot screenshot) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        int[] exit = {0};
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor()) {
            Platform.startup(() -> {
                WorkbenchViewModel vm = new WorkbenchViewModel(executor, Platform::runLater);
                Stage stage = show(new Stage(), vm);
                stage.setOnHidden(e -> {
                    vm.stop();
                    closed.countDown();
                });
                if (screenshot != null) {
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
                vm.start(settings);
            });
            closed.await();
        } finally {
            Platform.exit();
        }
        return exit[0];
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
