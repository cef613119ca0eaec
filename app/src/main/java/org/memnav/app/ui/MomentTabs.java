package org.memnav.app.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.memnav.app.replay.CompressionFigures;
import org.memnav.app.replay.Counterfactual;
import org.memnav.app.replay.RunMoment;
import org.memnav.app.replay.SubtaskResult;
import org.memnav.recordings.PolicyDecision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Decision, compression, metrics and what-if panels for the playhead moment. */
final class MomentTabs {

    private static final int[] RATES = {1, 4, 16, 64};

    private final TabPane root = new TabPane();
    private final WorkbenchViewModel vm;
    private Node plots;
    private Tab compression;

    MomentTabs(WorkbenchViewModel vm) {
        this.vm = vm;
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getTabs().addAll(decisionTab(), new MemoryInspectorTab(vm).tab(), new OrbitTab(vm.orbit()).tab(), compressionTab(), metricsTab(), whatIfTab(), new ComparisonTab(vm).tab());
        vm.comparisonProperty().addListener((o, a, c) -> {
            if (c != null) {
                root.getSelectionModel().select(root.getTabs().size() - 1);
            }
        });
    }

    // ---- decision ---------------------------------------------------------------------------------------

    private Tab decisionTab() {
        Label summary = new Label("no decision yet");
        summary.setId("decisionSummary");
        summary.setWrapText(true);
        TableView<PolicyDecision.Candidate> table = candidateTable("decisionTable");
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            PolicyDecision d = s.moment().decision();
            if (d == null) {
                summary.setText("no decision at or before this step");
                table.getItems().clear();
                return;
            }
            summary.setText(String.format(Locale.ROOT, "Decision of step %d · mode %s · %s · target %s", d.step(), d.mode().wireName(),
                    d.reason(), d.target() == null ? "none" : String.format(Locale.ROOT, "(%.2f, %.2f)", d.target().x(), d.target().z())));
            table.setItems(FXCollections.observableArrayList(d.candidates()));
            int chosen = chosenIndex(d);
            if (chosen >= 0) {
                table.getSelectionModel().select(chosen);
            }
        });
        VBox box = new VBox(6, summary, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return new Tab("Decision", box);
    }

    private static int chosenIndex(PolicyDecision d) {
        if (d.chosenIndex() >= 0) {
            return d.chosenIndex();
        }
        for (int i = 0; i < d.candidates().size(); i++) {
            if (d.mode() == PolicyDecision.Mode.MEMORY_GUIDED && d.reason().contains("#" + d.candidates().get(i).kind()
                    .replaceAll("memory:frame#(\\d+)@.*", "$1") + " ")) {
                return i;
            }
        }
        return -1;
    }

    private static TableView<PolicyDecision.Candidate> candidateTable(String id) {
        TableView<PolicyDecision.Candidate> table = new TableView<>();
        table.setId(id);
        table.getColumns().add(column("candidate", c -> c.kind()));
        table.getColumns().add(column("x, z (m)", c -> String.format(Locale.ROOT, "%.2f, %.2f", c.point().x(), c.point().z())));
        table.getColumns().add(column("policy score", c -> String.format(Locale.ROOT, "%.3f", c.score())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("no candidates"));
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    // ---- compression ------------------------------------------------------------------------------------

    private Tab compressionTab() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setId("compressionFigures");
        Label[] values = new Label[7];
        String[] names = {"tokens per frame (encoder → memory)", "compression rate", "memory at playhead",
                "same frames uncompressed", "native VLM tokens per frame", "memory tokens vs native VLM", "decision latency"};
        for (int i = 0; i < names.length; i++) {
            Label n = new Label(names[i]);
            n.getStyleClass().add("text-muted");
            values[i] = new Label("—");
            values[i].getStyleClass().add("figure");
            grid.addRow(i, n, values[i]);
        }
        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("memory (KB)");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("memoryChart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(200);
        NumberAxis lx = new NumberAxis();
        lx.setLabel("step");
        lx.setForceZeroInRange(false);
        NumberAxis ly = new NumberAxis();
        ly.setLabel("policy latency (ms)");
        LineChart<Number, Number> latency = new LineChart<>(lx, ly);
        latency.setCreateSymbols(false);
        latency.setAnimated(false);
        latency.setPrefHeight(200);
        Label latencyNote = new Label();
        latencyNote.getStyleClass().addAll("text-small", "text-muted");
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            var setup = vm.loadedRun().map(r -> r.history().setup()).orElse(null);
            if (setup == null) {
                return;
            }
            CompressionFigures f = CompressionFigures.at(s.moment(), setup);
            values[0].setText(f.rawTokensPerFrame() + " → " + f.compressedTokensPerFrame());
            values[1].setText(f.rate() + "×");
            values[2].setText(String.format(Locale.ROOT, "%d frames · %,d tokens · %.1f KB", f.frames(), f.memoryTokens(),
                    f.memoryBytes() / 1024.0));
            values[3].setText(String.format(Locale.ROOT, "%,d tokens (ratio %.0f×)", f.rawMemoryTokens(), f.ratio()));
            values[4].setText(String.format(Locale.ROOT, "%d (Qwen2.5-VL, ⌈%d/28⌉·⌈%d/28⌉ for %d×%d)", f.nativeVlmTokensPerFrame(),
                    f.sensorHeight(), f.sensorWidth(), f.sensorWidth(), f.sensorHeight()));
            values[5].setText(String.format(Locale.ROOT, "%,d vs %,d tokens for %d frames", f.memoryTokens(),
                    (long) f.nativeVlmTokensPerFrame() * f.frames(), f.frames()));
            var lat = vm.decisionLatencies();
            var atStep = lat.floorEntry(s.moment().step());
            values[6].setText(atStep == null ? (lat.isEmpty() ? "not recorded (live runs only)" : "—")
                    : String.format(Locale.ROOT, "%.2f ms at step %d", atStep.getValue(), atStep.getKey()));
            // Plots only while their tab shows: rebuilding two line charts on every playhead move held the FX thread
            // for tens of milliseconds (memnav bench ui); selecting the tab draws them for the current moment.
            if (compression != null && !compression.isSelected()) {
                return;
            }
            chart.getData().setAll(List.of(series("memory KB", s.memorySeries(), s.moment().step())));
            XYChart.Series<Number, Number> l = new XYChart.Series<>();
            l.setName("policy ms per decision");
            int every = Math.max(1, lat.size() / 400);
            int i = 0;
            for (var e : lat.headMap(s.moment().step(), true).entrySet()) {
                if (i++ % every == 0) {
                    l.getData().add(new XYChart.Data<>(e.getKey(), e.getValue()));
                }
            }
            latency.getData().setAll(List.of(l));
            latencyNote.setText(lat.isEmpty() ? "Decision latency is measured in live runs; recordings do not keep it." : "");
        });
        VBox charts = new VBox(4, chart, latencyNote);
        HBox plotBox = new HBox(16, charts, latency);
        plotBox.setId("plots");
        HBox.setHgrow(charts, Priority.ALWAYS);
        HBox.setHgrow(latency, Priority.ALWAYS);
        HBox box = new HBox(16, grid, plotBox);
        HBox.setHgrow(plotBox, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        SnapshotExport.offer(plotBox, "plots", vm);
        plots = plotBox;
        compression = new Tab("Compression", box);
        compression.selectedProperty().addListener((o, was, now) -> {
            if (now && vm.snapshotProperty().get() != null) {
                vm.seek(vm.stepProperty().get()); // a fresh snapshot of the same moment redraws the plots
            }
        });
        return compression;
    }

    /** Memory size up to the playhead, at most ~400 points so a long run stays light. */
    private static XYChart.Series<Number, Number> series(String name, List<long[]> points, int upTo) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        List<long[]> shown = new ArrayList<>();
        for (long[] p : points) {
            if (p[0] <= upTo) {
                shown.add(p);
            }
        }
        int every = Math.max(1, shown.size() / 400);
        for (int i = 0; i < shown.size(); i++) {
            if (i % every == 0 || i == shown.size() - 1) {
                s.getData().add(new XYChart.Data<>(shown.get(i)[0], shown.get(i)[1] / 1024.0));
            }
        }
        return s;
    }

    // ---- metrics ----------------------------------------------------------------------------------------

    private Tab metricsTab() {
        Label running = new Label();
        running.setId("runningMetrics");
        TableView<SubtaskResult> table = new TableView<>();
        table.setId("metricsTable");
        table.getColumns().add(column("episode", r -> Integer.toString(r.episodeIndex())));
        table.getColumns().add(column("subtask", r -> Integer.toString(r.subtaskIndex() + 1)));
        table.getColumns().add(column("goal", SubtaskResult::goal));
        table.getColumns().add(column("visit", r -> r.revisit() ? "revisit" : "first visit"));
        table.getColumns().add(column("success", r -> r.success() ? "yes" : "no"));
        table.getColumns().add(column("SPL", r -> String.format(Locale.ROOT, "%.2f", r.spl())));
        table.getColumns().add(column("actions", r -> Integer.toString(r.actions())));
        table.getColumns().add(column("memory writes", r -> Long.toString(r.writes())));
        table.getColumns().add(column("ended at step", r -> Integer.toString(r.endStep())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("no subtask finished by this step"));
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            RunMoment m = s.moment();
            table.setItems(FXCollections.observableArrayList(m.results()));
            List<SubtaskResult> first = m.results().stream().filter(r -> !r.revisit()).toList();
            List<SubtaskResult> again = m.results().stream().filter(SubtaskResult::revisit).toList();
            running.setText(String.format(Locale.ROOT, "running SR %s · SPL %s over %d subtasks  |  first visits: SR %s (%d)  |  "
                            + "revisits: SR %s (%d)  |  memory writes so far: %d",
                    WorkbenchViewModel.fmt(m.successRate()), WorkbenchViewModel.fmt(m.meanSpl()), m.results().size(),
                    WorkbenchViewModel.fmt(sr(first)), first.size(), WorkbenchViewModel.fmt(sr(again)), again.size(), m.writesSoFar()));
        });
        javafx.scene.control.MenuItem csv = new javafx.scene.control.MenuItem("Save metrics as CSV…");
        csv.setOnAction(e -> SnapshotExport.ask(table, "Save the metrics as CSV", "metrics.csv", "CSV", "*.csv")
                .ifPresent(vm::exportMetricsCsv));
        table.setContextMenu(new javafx.scene.control.ContextMenu(csv));
        VBox box = new VBox(6, running, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return new Tab("Metrics", box);
    }

    private static double sr(List<SubtaskResult> rs) {
        return rs.isEmpty() ? Double.NaN : rs.stream().filter(SubtaskResult::success).count() / (double) rs.size();
    }

    // ---- what-if ----------------------------------------------------------------------------------------

    private Tab whatIfTab() {
        Slider rate = new Slider(0, 3, 2);
        rate.setId("whatIfRate");
        rate.setMajorTickUnit(1);
        rate.setMinorTickCount(0);
        rate.setSnapToTicks(true);
        rate.setShowTickMarks(true);
        rate.setShowTickLabels(true);
        rate.setLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double d) {
                return RATES[(int) Math.round(d)] + "×";
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        Slider length = new Slider(1, 100, 50);
        length.setId("whatIfLength");
        length.setMajorTickUnit(25);
        length.setShowTickMarks(true);
        length.setShowTickLabels(true);
        length.setSnapToTicks(false);
        Label lengthValue = new Label();
        lengthValue.textProperty().bind(length.valueProperty().map(v -> v.intValue() + " frames"));
        Runnable ask = () -> vm.requestWhatIf(RATES[(int) Math.round(rate.getValue())], (int) Math.round(length.getValue()));
        rate.valueProperty().addListener((o, a, b) -> ask.run());
        length.valueProperty().addListener((o, a, b) -> ask.run());
        vm.stepProperty().addListener((o, a, b) -> {
            if (vm.counterfactualProperty().get() != null) {
                ask.run();
            }
        });
        vm.loadedRun();
        GridPane controls = new GridPane();
        controls.setHgap(10);
        controls.setVgap(6);
        controls.addRow(0, new Label("compression rate"), rate);
        controls.addRow(1, new Label("memory length"), length, lengthValue);
        rate.setPrefWidth(260);
        length.setPrefWidth(260);
        Button rerun = new Button("Re-run episode from here");
        rerun.setId("rerunFromHere");
        rerun.setTooltip(new Tooltip("A new run of this recording's scene and episode in the embedded simulator with the agent"
                + " at the sliders' rate and memory length: the recorded actions are executed up to the playhead (the agent"
                + " observes every step, so its memory is built from the same views), from there it acts on its own until"
                + " the episode ends or 1500 more steps. Recorded next to this file and opened as comparison B."));
        rerun.disableProperty().bind(vm.recordingProperty().not().or(vm.rerunningProperty()));
        rerun.setOnAction(e -> vm.rerunFromHere(RATES[(int) Math.round(rate.getValue())], (int) Math.round(length.getValue())));
        controls.add(rerun, 0, 2, 3, 1);
        Label liveNote = new Label();
        liveNote.setId("whatIfLiveNote");
        liveNote.setWrapText(true);
        liveNote.textProperty().bind(vm.liveSettingsNoteProperty());
        controls.add(liveNote, 0, 3, 3, 1);

        Label actual = new Label("—");
        actual.setId("whatIfActual");
        actual.setWrapText(true);
        Label counter = new Label("move a slider to re-run the policy at the playhead's decision");
        counter.setId("whatIfDecision");
        counter.setWrapText(true);
        TableView<PolicyDecision.Candidate> table = candidateTable("whatIfTable");
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            PolicyDecision d = s.moment().decision();
            actual.setText(d == null ? "no decision yet" : String.format(Locale.ROOT, "step %d · %s · %s",
                    d.step(), d.mode().wireName(), d.reason()));
        });
        vm.counterfactualProperty().addListener((o, a, c) -> {
            if (c == null) {
                return;
            }
            if (!c.available()) {
                counter.setText("not available: " + c.reason());
                table.getItems().clear();
                return;
            }
            PolicyDecision.Candidate chosen = c.candidates().get(c.chosenIndex());
            counter.setText(String.format(Locale.ROOT, "rate %d× · memory %d frames (%,d tokens, %.1f KB) → %s, heads for %s "
                            + "(score %.3f, %.1f ms)%n%s", c.rate(), c.framesUsed(), c.tokens(), c.bytes() / 1024.0, c.mode().wireName(),
                    chosen.kind(), chosen.score(), c.policyMs(), c.reason()));
            table.setItems(FXCollections.observableArrayList(c.candidates()));
            table.getSelectionModel().select(c.chosenIndex());
        });
        Label actualTitle = new Label("What the agent did");
        actualTitle.getStyleClass().add("title-4");
        Label counterTitle = new Label("What the policy would do");
        counterTitle.getStyleClass().add("title-4");
        VBox left = new VBox(6, controls, actualTitle, actual);
        left.setPrefWidth(420);
        VBox right = new VBox(6, counterTitle, counter, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox box = new HBox(16, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return new Tab("What-if", box);
    }

    /** The memory and latency plots (brought to the front first, so a snapshot shows them). */
    Node showPlots() {
        root.getSelectionModel().select(compression);
        root.applyCss();
        root.layout();
        return plots;
    }

    TabPane root() {
        return root;
    }
}
