package org.memnav.app.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.memnav.app.replay.ComparisonTable;
import org.memnav.app.replay.ComparisonTable.Row;
import org.memnav.app.replay.ComparisonTable.Side;
import org.memnav.app.replay.ComparisonTable.Totals;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The "Compare" tab: per-subtask figures of runs A and B and B − A, and one totals row per run. */
final class ComparisonTab {

    private final Tab tab;

    ComparisonTab(WorkbenchViewModel vm) {
        Label summary = new Label("File ▸ Compare with… opens a second recording beside this one.");
        summary.setId("comparisonSummary");
        summary.setWrapText(true);
        TableView<Totals> totals = new TableView<>();
        totals.setId("comparisonTotals");
        totals.getColumns().add(column("run", Totals::run));
        totals.getColumns().add(column("ended", t -> t.ended() + " / " + t.subtasks()));
        totals.getColumns().add(column("SR", t -> num(t.successRate(), 2)));
        totals.getColumns().add(column("SPL", t -> num(t.meanSpl(), 2)));
        totals.getColumns().add(column("writes", t -> t.writes() < 0 ? "—" : Long.toString(t.writes())));
        totals.getColumns().add(column("mem KB", t -> t.finalMemoryBytes() < 0 ? "—" : num(t.finalMemoryBytes() / 1024.0, 1)));
        totals.getColumns().add(column("steps", t -> Integer.toString(t.steps())));
        totals.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        totals.getColumns().getFirst().setPrefWidth(150);
        totals.setPrefWidth(600);
        totals.setMinWidth(600);
        totals.setPlaceholder(new Label("no comparison open"));

        TableView<Row> rows = new TableView<>();
        rows.setId("comparisonTable");
        rows.getColumns().add(column("ep", r -> Integer.toString(r.episode())));
        rows.getColumns().add(column("subtask", r -> Integer.toString(r.subtask() + 1)));
        rows.getColumns().add(column("goal", r -> r.goal() + (r.sameGoal() ? "" : " (goals differ)")));
        for (String run : List.of("A", "B")) {
            Function<Row, Side> side = run.equals("A") ? Row::a : Row::b;
            TableColumn<Row, String> group = new TableColumn<>(run);
            group.getColumns().add(column("success", r -> success(side.apply(r))));
            group.getColumns().add(column("SPL", r -> side.apply(r).ended() ? num(side.apply(r).spl(), 2) : "—"));
            group.getColumns().add(column("writes", r -> side.apply(r).writes() < 0 ? "—" : Long.toString(side.apply(r).writes())));
            group.getColumns().add(column("mem KB", r -> side.apply(r).memoryBytes() < 0 ? "—" : num(side.apply(r).memoryBytes() / 1024.0, 1)));
            rows.getColumns().add(group);
        }
        TableColumn<Row, String> diff = new TableColumn<>("B − A");
        diff.getColumns().add(column("success", r -> signed(r.successDelta(), 0)));
        diff.getColumns().add(column("SPL", r -> signed(r.splDelta(), 2)));
        diff.getColumns().add(column("writes", r -> signed(r.writesDelta(), 0)));
        diff.getColumns().add(column("mem KB", r -> signed(r.memoryBytesDelta() / 1024.0, 1)));
        rows.getColumns().add(diff);
        widths(rows.getColumns());
        rows.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY); // many narrow columns: scroll rather than truncate
        rows.setPlaceholder(new Label("no subtask in either run"));

        vm.comparisonProperty().addListener((o, a, c) -> show(c, summary, totals, rows));
        // Side by side: the bottom pane is short, stacked tables would hide the per-subtask rows.
        HBox tables = new HBox(10, totals, rows);
        HBox.setHgrow(rows, Priority.ALWAYS);
        VBox box = new VBox(6, summary, tables);
        VBox.setVgrow(tables, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        tab = new Tab("Compare", box);
        tab.setId("compareTab");
    }

    private static void show(ComparisonTable c, Label summary, TableView<Totals> totals, TableView<Row> rows) {
        if (c == null) {
            summary.setText("File ▸ Compare with… opens a second recording beside this one.");
            totals.getItems().clear();
            rows.getItems().clear();
            return;
        }
        summary.setText(c.runA() + " (baseline) vs " + c.runB() + " on one playhead step; B's path is orange on the map"
                + (c.sameScene() ? "." : ". The runs are in different scenes: B's path is drawn on A's map."));
        totals.setItems(FXCollections.observableArrayList(c.totalsA(), c.totalsB()));
        rows.setItems(FXCollections.observableArrayList(c.rows()));
    }

    private static void widths(List<? extends TableColumn<Row, ?>> columns) {
        for (TableColumn<Row, ?> c : columns) {
            c.setPrefWidth(switch (c.getText()) {
                case "ep" -> 36;
                case "subtask" -> 72;
                case "goal" -> 170;
                case "success" -> 80;
                default -> 72;
            });
            widths(c.getColumns());
        }
    }

    private static String success(Side s) {
        if (!s.reached()) {
            return "not reached";
        }
        return s.ended() ? (s.success() ? "yes" : "no") : "running";
    }

    static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "—";
    }

    static String signed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+." + decimals + "f", v) : "—";
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    Tab tab() {
        return tab;
    }
}
