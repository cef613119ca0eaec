package org.memnav.app.ui;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.memnav.renderers.map.ArgbImage;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * "Save as PNG…" for any view: the node is snapshotted on the FX thread (JavaFX requires it; it is one render of
 * what is on screen) and its pixels handed to the view-model, which encodes and writes the file on its export lane.
 */
final class SnapshotExport {

    private SnapshotExport() {
    }

    /** Gives {@code node} a context menu with "Save as PNG…". */
    static void offer(Node node, String name, WorkbenchViewModel vm) {
        MenuItem save = new MenuItem("Save " + name + " as PNG…");
        save.setOnAction(e -> askAndSave(node, name, vm));
        ContextMenu menu = new ContextMenu(save);
        node.setOnContextMenuRequested(e -> menu.show(node, e.getScreenX(), e.getScreenY()));
    }

    static void askAndSave(Node node, String name, WorkbenchViewModel vm) {
        ask(node, "Save " + name + " as PNG", name.replace(' ', '-') + ".png", "PNG images", "*.png")
                .ifPresent(file -> vm.savePng(capture(node), file));
    }

    /** Asks where to save (null window-safe: the node must be showing). */
    static Optional<Path> ask(Node owner, String title, String suggested, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File f = chooser.showSaveDialog(owner.getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** The node as it is drawn now, as ARGB pixels (FX thread only). */
    static ArgbImage capture(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.web("#0d1117")); // the theme's background, so transparent regions do not come out black-on-black
        WritableImage shot = node.snapshot(params, null);
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        int[] px = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return new ArgbImage(w, h, px);
    }
}
