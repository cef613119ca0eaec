package org.memnav.app.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.memnav.app.replay.MemoryInspection;
import org.memnav.app.replay.MemoryOpFamily;
import org.memnav.recordings.MemoryOperation;

import java.util.function.Function;

/**
 * The Memory inspector tab: the memory strategy's state at the playhead (tiers, landmarks, write policy, trigger)
 * as titled lists, and the operations of the last steps with their reasons. Shows what the render lane computed.
 */
final class MemoryInspectorTab {

    private final Tab tab;

    MemoryInspectorTab(WorkbenchViewModel vm) {
        Label headline = new Label("no run yet");
        headline.setId("inspectorHeadline");
        headline.setWrapText(true);
        HBox sections = new HBox(8);
        sections.setId("inspectorSections");
        TableView<MemoryOperation> ops = new TableView<>();
        ops.setId("inspectorOps");
        ops.getColumns().add(column("step", op -> Integer.toString(op.step()), 60));
        ops.getColumns().add(column("kind", op -> op.kind().wireName() + " · " + MemoryOpFamily.of(op.kind()).label(), 130));
        ops.getColumns().add(column("frame", op -> op.frameId() < 0 ? "—" : "#" + op.frameId(), 70));
        ops.getColumns().add(column("held after", op -> op.memoryFrames() + " frames", 90));
        ops.getColumns().add(column("reason / detail", MemoryOperation::detail, 400));
        ops.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ops.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(MemoryOperation op, boolean empty) {
                super.updateItem(op, empty);
                setStyle(empty || op == null ? "" : "-fx-border-color: transparent transparent transparent "
                        + FxImages.web(MemoryOpFamily.of(op.kind()).argb()) + "; -fx-border-width: 0 0 0 4;");
            }
        });
        Label opsTitle = new Label();
        opsTitle.getStyleClass().add("text-muted");
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null || s.inspection() == null) {
                return;
            }
            MemoryInspection in = s.inspection();
            headline.setText(in.headline());
            sections.getChildren().clear();
            for (MemoryInspection.Section section : in.sections()) {
                Label title = new Label(section.title());
                title.getStyleClass().add("text-bold");
                ListView<String> lines = new ListView<>(FXCollections.observableArrayList(section.lines()));
                lines.setPrefHeight(80);
                VBox box = new VBox(2, title, lines);
                VBox.setVgrow(lines, Priority.ALWAYS);
                HBox.setHgrow(box, Priority.ALWAYS);
                box.setMinWidth(160);
                sections.getChildren().add(box);
            }
            opsTitle.setText("Memory operations of steps " + Math.max(0, in.step() - in.recentSteps() + 1) + "–" + in.step()
                    + ", newest first (" + in.recentOps().size() + ")");
            ops.setItems(FXCollections.observableArrayList(in.recentOps()));
        });
        ops.setPlaceholder(new Label("no memory operations in these steps"));
        VBox opsBox = new VBox(4, opsTitle, ops);
        VBox.setVgrow(ops, Priority.ALWAYS);
        // Side by side: the tab is wide and short under the map, so both lists get its full height.
        SplitPane split = new SplitPane(sections, opsBox);
        split.setDividerPositions(0.58);
        VBox root = new VBox(6, headline, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setPadding(new Insets(8));
        tab = new Tab("Memory inspector", root);
        tab.setId("memoryInspectorTab");
    }

    Tab tab() {
        return tab;
    }

    private static TableColumn<MemoryOperation, String> column(String title, Function<MemoryOperation, String> value, double width) {
        TableColumn<MemoryOperation, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        return c;
    }
}
