package org.memnav.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The live workbench: top-down map, egocentric RGB, status line. Only binds to the view-model. */
public final class WorkbenchView {

    private final BorderPane root = new BorderPane();
    private final ImageView mapView = new ImageView();
    private final ImageView egoView = new ImageView();
    private final Label status = new Label();
    private WritableImage mapImage;
    private WritableImage egoImage;

    public WorkbenchView(WorkbenchViewModel vm) {
        mapView.setId("topDownMap");
        mapView.setPreserveRatio(true);
        mapView.setFitWidth(720);
        mapView.setFitHeight(600);
        egoView.setId("egocentricView");
        egoView.setPreserveRatio(true);
        egoView.setFitWidth(384);
        egoView.setSmooth(false);
        status.setId("statusLine");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setPadding(new Insets(6, 10, 6, 10));
        status.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 12px;"
                + " -fx-background-color: #20242b; -fx-text-fill: #e6e6e6;");
        status.textProperty().bind(vm.statusLineProperty());

        TitledPane mapPane = panel("Top-down map  —  trajectory: blue = exploring, green = memory-guided", mapView);
        TitledPane egoPane = panel("Egocentric RGB (agent camera)", egoView);
        Label legend = new Label("Map legend: pink triangle = agent (pointing where it faces); ringed dot = current target; "
                + "dark = not navigable; dimmed = not yet seen by the agent; blue tint = floor it has mapped from depth; "
                + "dark red = obstacles it has mapped; purple squares = objects.");
        legend.setWrapText(true);
        legend.setMaxWidth(384);
        VBox right = new VBox(10, egoPane, legend);
        HBox centre = new HBox(10, mapPane, right);
        HBox.setHgrow(mapPane, Priority.ALWAYS);
        centre.setPadding(new Insets(10));
        centre.setAlignment(Pos.TOP_LEFT);
        Button stop = new Button("Stop run");
        stop.setId("stopButton");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        Label steps = new Label();
        steps.setId("stepCounter");
        steps.textProperty().bind(vm.stepProperty().asString("step %d"));
        root.setTop(new ToolBar(stop, steps));
        root.setCenter(centre);
        root.setBottom(status);

        vm.mapProperty().addListener((obs, old, img) -> {
            if (img != null) {
                mapImage = FxImages.fromArgb(img, mapImage);
                mapView.setImage(mapImage);
            }
        });
        vm.egocentricProperty().addListener((obs, old, img) -> {
            if (img != null) {
                egoImage = FxImages.fromRgb(img, egoImage);
                egoView.setImage(egoImage);
            }
        });
    }

    private static TitledPane panel(String title, javafx.scene.Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        return pane;
    }

    public Parent root() {
        return root;
    }
}
