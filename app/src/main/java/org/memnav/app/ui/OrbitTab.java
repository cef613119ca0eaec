package org.memnav.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The 3D tab: the orbit view's image; drag to orbit, scroll to zoom. Renders only while selected. */
final class OrbitTab {

    private final Tab tab;
    private WritableImage fxImage;
    private double lastX;
    private double lastY;

    OrbitTab(OrbitViewModel vm) {
        ImageView view = new ImageView();
        view.setId("orbitView");
        view.setPreserveRatio(true);
        StackPane pane = new StackPane(view);
        pane.setMinSize(0, 0);
        pane.getStyleClass().add("orbit-pane");
        view.fitWidthProperty().bind(pane.widthProperty());
        view.fitHeightProperty().bind(pane.heightProperty());
        pane.widthProperty().addListener((o, a, b) -> vm.setSize((int) pane.getWidth(), (int) pane.getHeight()));
        pane.heightProperty().addListener((o, a, b) -> vm.setSize((int) pane.getWidth(), (int) pane.getHeight()));
        vm.imageProperty().addListener((o, a, img) -> {
            if (img != null) {
                fxImage = FxImages.fromArgb(img, fxImage);
                view.setImage(null); // the same WritableImage again would not repaint the view
                view.setImage(fxImage);
            }
        });
        pane.setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
        });
        pane.setOnMouseDragged(e -> {
            vm.orbitBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        });
        pane.setOnScroll(e -> vm.zoomBy(e.getDeltaY()));
        Label note = new Label();
        note.setId("orbitNote");
        note.getStyleClass().addAll("text-small", "text-muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        VBox box = new VBox(4, pane, note);
        VBox.setVgrow(pane, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        tab = new Tab("3D", box);
        tab.setId("orbitTab");
        tab.selectedProperty().addListener((o, a, selected) -> vm.setActive(selected));
    }

    Tab tab() {
        return tab;
    }
}
