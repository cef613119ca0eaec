package org.memnav.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import org.memnav.app.replay.MemoryOpFamily;
import org.memnav.app.replay.OpTimeline;
import org.memnav.recordings.MemoryOperation;

import java.io.File;
import java.util.List;

/**
 * The workbench window's layout: menu and transport bar, the timeline, the map beside the egocentric view
 * and the memory strip, and tabs for decision, compression, metrics and what-if. Only binds to the view-model.
 */
public final class WorkbenchView {

    private final BorderPane root = new BorderPane();
    private final WorkbenchViewModel vm;
    private final Slider timeline = new Slider(0, 1, 0);
    private static final double TICKS_HEIGHT = 26;
    private static final double TICK_PAD = 8; // the slider's thumb inset, so ticks line up with the track
    private final Canvas ticks = new Canvas(100, TICKS_HEIGHT);
    private boolean updatingSlider;
    private final MomentTabs tabs;
    private final Node mapNode;
    private final Node egoNode;
    private final Node memoryNode;

    public WorkbenchView(WorkbenchViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("workbench");
        MapPane map = new MapPane(vm);
        EgocentricPane ego = new EgocentricPane(vm);
        MemoryStrip memory = new MemoryStrip(vm);
        VBox right = new VBox(8, ego.root(), memory.root());
        VBox.setVgrow(memory.root(), Priority.ALWAYS);
        SplitPane top = new SplitPane(map.root(), right);
        top.setDividerPositions(0.5);
        tabs = new MomentTabs(vm);
        mapNode = map.root();
        egoNode = ego.root();
        memoryNode = memory.root();
        SnapshotExport.offer(mapNode, "map", vm);
        SnapshotExport.offer(egoNode, "egocentric view", vm);
        SnapshotExport.offer(memoryNode, "memory strip", vm);
        SplitPane centre = new SplitPane(top, tabs.root());
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.66);
        VBox north = new VBox(menu(), transport(), timelineBox());
        root.setTop(north);
        root.setCenter(centre);
        Label status = new Label();
        status.setId("statusLine");
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add("status-line");
        status.textProperty().bind(vm.statusLineProperty());
        root.setBottom(status);
        // A filter, so the arrow keys step the playhead even when the slider has focus (it would jump by a block).
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl || e.getTarget() instanceof javafx.scene.control.TableView
                    || e.getTarget() instanceof javafx.scene.control.ComboBox) {
                return;
            }
            switch (e.getCode()) {
                case LEFT -> vm.stepBy(e.isShiftDown() ? -10 : -1);
                case RIGHT -> vm.stepBy(e.isShiftDown() ? 10 : 1);
                case SPACE -> vm.togglePlay();
                case HOME -> vm.scrubTo(0);
                case END -> vm.scrubTo(vm.lastStepProperty().get());
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private MenuBar menu() {
        MenuItem open = new MenuItem("Open recording…");
        open.setId("openRecordingMenu");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a MemNav run recording");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MCAP run recordings", "*.mcap"));
            File f = chooser.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.open(f.toPath());
            }
        });
        MenuItem newRun = new MenuItem("New run…");
        newRun.setId("newRunMenu");
        newRun.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        newRun.setOnAction(e -> askNewRun());
        MenuItem compare = new MenuItem("Compare with…");
        compare.setId("compareMenu");
        compare.disableProperty().bind(vm.recordingProperty().not());
        compare.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Compare with another MemNav run recording");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MCAP run recordings", "*.mcap"));
            File f = chooser.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.compareWith(f.toPath());
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> root.getScene().getWindow().hide());
        Menu export = new Menu("Export");
        export.setId("exportMenu");
        export.getItems().addAll(
                pngItem("Map as PNG…", "map", () -> mapNode),
                pngItem("Egocentric view as PNG…", "egocentric view", () -> egoNode),
                pngItem("Memory strip as PNG…", "memory strip", () -> memoryNode),
                pngItem("Plots as PNG…", "plots", tabs::showPlots),
                new SeparatorMenuItem(),
                fileItem("Metrics as CSV…", "Save the metrics (every finished subtask) as CSV", "metrics.csv", "CSV", "*.csv",
                        vm::exportMetricsCsv),
                fileItem("Episode report (HTML)…", "Save the episode report", "report.html", "HTML", "*.html", vm::exportReport));
        export.disableProperty().bind(vm.snapshotProperty().isNull());
        return new MenuBar(new Menu("File", null, newRun, open, compare, export, new SeparatorMenuItem(), quit));
    }

    private void askNewRun() {
        NewRunViewModel model = new NewRunViewModel(vm.runTemplate(), org.memnav.inference.arms.AgentArms.standard());
        new NewRunDialog(model, root.getScene().getWindow()).ask().ifPresent(vm::start);
    }

    private MenuItem pngItem(String label, String name, java.util.function.Supplier<Node> node) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> SnapshotExport.askAndSave(node.get(), name, vm));
        return item;
    }

    private MenuItem fileItem(String label, String title, String suggested, String kind, String pattern,
                              java.util.function.Consumer<java.nio.file.Path> save) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> SnapshotExport.ask(root, title, suggested, kind, pattern).ifPresent(save));
        return item;
    }

    private ToolBar transport() {
        Button newRun = new Button("New run…", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        newRun.setId("newRunButton");
        newRun.setTooltip(new Tooltip("Start a live run: agent arm, compression rate, memory length, scene (Ctrl+N)"));
        newRun.setOnAction(e -> askNewRun());
        Button stop = new Button("Stop run", new FontIcon(MaterialDesignS.STOP));
        stop.setId("stopButton");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        Button back = iconButton(MaterialDesignS.STEP_BACKWARD, "One step back (←, Shift+← for 10)", () -> vm.stepBy(-1));
        back.setId("stepBackButton");
        Button play = new Button();
        play.setId("playButton");
        play.graphicProperty().bind(vm.playingProperty().map(p -> new FontIcon(p ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY)));
        play.setTooltip(new Tooltip("Play / pause a recording; on a live run, follow the newest step (Space)"));
        play.setOnAction(e -> vm.togglePlay());
        Button forward = iconButton(MaterialDesignS.STEP_FORWARD, "One step forward (→, Shift+→ for 10)", () -> vm.stepBy(1));
        forward.setId("stepForwardButton");
        ComboBox<Double> speed = new ComboBox<>();
        speed.getItems().addAll(0.5, 1.0, 2.0, 4.0, 10.0, 50.0);
        speed.setValue(1.0);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == Math.floor(d) ? String.valueOf(d.intValue()) : String.valueOf(d)) + "×";
            }

            @Override
            public Double fromString(String s) {
                return Double.parseDouble(s.replace("×", ""));
            }
        });
        speed.setTooltip(new Tooltip("Playback speed (1× = 10 steps per second)"));
        speed.disableProperty().bind(vm.recordingProperty().not());
        speed.valueProperty().addListener((o, a, b) -> vm.setSpeed(b));
        ToggleButton follow = new ToggleButton("Follow live", new FontIcon(MaterialDesignR.RADIOBOX_MARKED));
        follow.setId("followLive");
        follow.selectedProperty().bindBidirectional(vm.followLiveProperty());
        follow.disableProperty().bind(vm.recordingProperty());
        Label step = new Label();
        step.setId("stepCounter");
        step.getStyleClass().add("step-counter");
        step.textProperty().bind(vm.stepProperty().asString("step %,d").concat(vm.lastStepProperty().asString(" / %,d")));
        Label description = new Label();
        description.getStyleClass().add("text-muted");
        description.textProperty().bind(vm.runDescriptionProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return new ToolBar(newRun, stop, new Separator(), back, play, forward, speed, follow, new Separator(), step, grow, description);
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node timelineBox() {
        timeline.setId("timeline");
        timeline.setFocusTraversable(false);
        timeline.maxProperty().bind(vm.lastStepProperty().map(n -> Math.max(1, n.intValue())));
        vm.stepProperty().addListener((o, a, b) -> {
            if (!timeline.isValueChanging()) {
                updatingSlider = true;
                timeline.setValue(b.intValue());
                updatingSlider = false;
            }
            drawTicks();
        });
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!updatingSlider && Math.round(b.doubleValue()) != vm.stepProperty().get()) {
                vm.scrubTo((int) Math.round(b.doubleValue()));
            }
        });
        StackPane tickPane = new StackPane(ticks);
        tickPane.setMinHeight(TICKS_HEIGHT);
        ticks.widthProperty().bind(tickPane.widthProperty());
        ticks.widthProperty().addListener((o, a, b) -> drawTicks());
        vm.writeTicksProperty().addListener((o, a, b) -> drawTicks());
        vm.memoryOperationsProperty().addListener((o, a, b) -> drawTicks());
        Label hover = new Label("hover a tick: memory operation and its reason");
        hover.setId("opHover");
        hover.getStyleClass().addAll("text-small", "text-muted");
        Tooltip tip = new Tooltip();
        tip.setShowDelay(javafx.util.Duration.millis(100));
        ticks.setOnMouseMoved(e -> {
            List<MemoryOperation> at = opTimeline().at(e.getX());
            if (at.isEmpty()) {
                Tooltip.uninstall(ticks, tip);
                return;
            }
            String text = String.join("\n", at.stream().map(OpTimeline::describe).toList());
            hover.setText(text.replace("\n", "   |   "));
            tip.setText(text);
            Tooltip.install(ticks, tip);
        });
        ticks.setOnMouseClicked(e -> {
            List<MemoryOperation> at = opTimeline().at(e.getX());
            if (!at.isEmpty()) {
                vm.scrubTo(at.getFirst().step());
            }
        });
        HBox legend = new HBox(10);
        legend.setId("opLegend");
        legend.setAlignment(Pos.CENTER_LEFT);
        Label subtask = new Label("▲ subtask start");
        subtask.getStyleClass().addAll("text-small", "text-muted");
        legend.getChildren().add(subtask);
        for (MemoryOpFamily f : MemoryOpFamily.values()) {
            Region swatch = new Region();
            swatch.setMinSize(10, 10);
            swatch.setMaxSize(10, 10);
            swatch.setStyle("-fx-background-color: " + FxImages.web(f.argb()) + ";");
            Label l = new Label(f.label(), swatch);
            l.getStyleClass().addAll("text-small", "text-muted");
            l.setTooltip(new Tooltip(f.kinds()));
            legend.getChildren().add(l);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        legend.getChildren().addAll(grow, hover);
        VBox box = new VBox(2, timeline, tickPane, legend);
        box.setPadding(new Insets(4, 12, 6, 12));
        return box;
    }

    private OpTimeline opTimeline() {
        return new OpTimeline(vm.memoryOperationsProperty().get(), vm.lastStepProperty().get(), ticks.getWidth(), TICK_PAD);
    }

    /**
     * Subtask starts and every memory operation under the slider, one canvas (not a node per tick): each family on
     * its own row so a skip beside a write stays visible, the playhead in red.
     */
    private void drawTicks() {
        GraphicsContext g = ticks.getGraphicsContext2D();
        double w = ticks.getWidth();
        g.clearRect(0, 0, w, ticks.getHeight());
        OpTimeline layout = opTimeline();
        List<MemoryOperation> ops = layout.operations();
        if (ops.isEmpty()) { // a run of an agent that records only writes: the write ticks
            g.setStroke(FxImages.color(MemoryOpFamily.STORE.argb()));
            for (int s : vm.writeTicksProperty().get()) {
                double x = layout.x(s);
                g.strokeLine(x, 8, x, TICKS_HEIGHT);
            }
        }
        int rows = MemoryOpFamily.values().length;
        double rowHeight = (TICKS_HEIGHT - 8) / (double) rows;
        for (MemoryOperation op : ops) {
            MemoryOpFamily f = MemoryOpFamily.of(op.kind());
            g.setStroke(FxImages.color(f.argb()));
            double x = layout.x(op.step());
            double y = 8 + f.ordinal() * rowHeight;
            g.strokeLine(x, y, x, y + rowHeight + 1);
        }
        g.setFill(Color.web("#FFB300"));
        for (int s : vm.subtaskMarkersProperty().get()) {
            double x = layout.x(s);
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {7, 7, 0}, 3);
        }
        g.setFill(Color.web("#E53935"));
        double x = layout.x(vm.stepProperty().get());
        g.fillRect(x - 1, 0, 2, TICKS_HEIGHT);
    }

    public Parent root() {
        return root;
    }
}
