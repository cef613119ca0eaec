package org.memnav.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;

/** "New run…": pick arm, rate, memory length and scene, then start a live run. Binds to {@link NewRunViewModel}. */
final class NewRunDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final NewRunViewModel model;

    NewRunDialog(NewRunViewModel model, Window owner) {
        this.model = model;
        dialog.initOwner(owner);
        dialog.setTitle("New live run");
        dialog.setHeaderText("Start a live run in the embedded simulator");
        ComboBox<NewRunViewModel.ArmChoice> arm = new ComboBox<>();
        arm.setId("newRunArm");
        arm.getItems().setAll(model.arms());
        arm.valueProperty().bindBidirectional(model.armProperty());
        arm.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(NewRunViewModel.ArmChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " — " + item.description());
            }
        });
        Label description = new Label();
        description.setId("newRunArmDescription");
        description.setWrapText(true);
        description.setMaxWidth(420);
        description.textProperty().bind(model.armDescriptionProperty());
        ComboBox<Integer> rate = new ComboBox<>();
        rate.setId("newRunRate");
        rate.getItems().setAll(NewRunViewModel.RATES);
        rate.valueProperty().bindBidirectional(model.rateProperty());
        Spinner<Integer> length = new Spinner<>(1, 500, model.memoryLengthProperty().get());
        length.setId("newRunMemoryLength");
        length.setEditable(true);
        length.valueProperty().addListener((o, a, b) -> model.memoryLengthProperty().set(b));
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll(NewRunViewModel.SCENE_KINDS);
        kind.valueProperty().bindBidirectional(model.sceneKindProperty());
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, model.sceneSeedProperty().get());
        seed.setId("newRunSeed");
        seed.setEditable(true);
        seed.valueProperty().addListener((o, a, b) -> model.sceneSeedProperty().set(b));
        Label problem = new Label();
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("agent arm"), arm);
        grid.add(description, 1, 1);
        grid.addRow(2, new Label("compression rate (×)"), rate);
        grid.addRow(3, new Label("memory length (frames)"), length);
        grid.addRow(4, new Label("scene"), kind);
        grid.addRow(5, new Label("scene seed"), seed);
        grid.add(problem, 1, 6);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(model.problemProperty().isNotEmpty());
    }

    /** Shows the dialog; the chosen settings when the user pressed OK. */
    Optional<org.memnav.app.session.RunSettings> ask() {
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> model.settings());
    }
}
