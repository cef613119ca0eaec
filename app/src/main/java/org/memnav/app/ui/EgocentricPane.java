package org.memnav.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import org.memnav.app.replay.PatchSimilarity;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The agent's camera at the playhead (RGB / depth / semantic) with the patch-similarity overlay on click. */
final class EgocentricPane {

    static final int GRID = 16;
    private static final double SIZE = 300;

    private final VBox root;
    private final ImageView frame = new ImageView();
    private final ImageView heat = new ImageView();
    private final Label note = new Label();
    private final Label heatNote = new Label();
    private final Label scale = new Label();
    private final Map<FrameChannel, ToggleButton> buttons = new EnumMap<>(FrameChannel.class);
    private WritableImage frameImage;
    private WritableImage heatImage;

    EgocentricPane(WorkbenchViewModel vm) {
        frame.setId("egocentricView");
        heat.setId("similarityHeatmap");
        for (ImageView v : new ImageView[] {frame, heat}) {
            v.setFitWidth(SIZE);
            v.setFitHeight(SIZE);
            v.setPreserveRatio(true);
            v.setSmooth(false);
        }
        heat.setMouseTransparent(true);
        StackPane stack = new StackPane(frame, heat);
        stack.setMaxSize(SIZE, SIZE);
        stack.setMinSize(SIZE, SIZE);
        stack.setStyle("-fx-background-color: #111;");
        frame.setOnMouseClicked(e -> {
            if (frame.getImage() == null) {
                return;
            }
            double w = frame.getBoundsInLocal().getWidth();
            double h = frame.getBoundsInLocal().getHeight();
            int col = Math.min(GRID - 1, (int) (e.getX() / w * GRID));
            int row = Math.min(GRID - 1, (int) (e.getY() / h * GRID));
            vm.selectPatch(row, col);
        });
        ToggleGroup group = new ToggleGroup();
        HBox toggles = new HBox(0);
        toggles.getStyleClass().add("segmented");
        for (FrameChannel c : FrameChannel.values()) {
            ToggleButton b = new ToggleButton(c.label());
            b.setId("channel" + c.label());
            b.setToggleGroup(group);
            b.setUserData(c);
            b.setSelected(c == vm.channelProperty().get());
            buttons.put(c, b);
            toggles.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                group.selectToggle(a); // one channel is always shown
            } else {
                vm.channelProperty().set((FrameChannel) b.getUserData());
            }
        });
        Label title = new Label("Egocentric view");
        title.getStyleClass().add("title-4");
        HBox header = new HBox(12, title, toggles);
        header.setAlignment(Pos.CENTER_LEFT);
        note.getStyleClass().addAll("text-small", "text-muted");
        heatNote.getStyleClass().add("text-small");
        heatNote.setWrapText(true);
        heatNote.setMaxWidth(SIZE + 140);
        heatNote.setId("heatmapNote");
        Rectangle ramp = new Rectangle(90, 10);
        Stop[] stops = new Stop[5];
        for (int i = 0; i < 5; i++) {
            int argb = PatchSimilarity.ramp(i / 4.0);
            stops[i] = new Stop(i / 4.0, Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
        }
        ramp.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        Label lo = new Label("low");
        Label hi = new Label("high");
        lo.setId("heatmapLow");
        hi.setId("heatmapHigh");
        lo.getStyleClass().add("text-small");
        hi.getStyleClass().add("text-small");
        scale.getStyleClass().addAll("text-small", "text-muted");
        scale.setWrapText(true);
        HBox legend = new HBox(6, lo, ramp, hi);
        legend.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(6, new Label("Patch similarity (cosine)"), legend, scale, heatNote);
        side.setMaxWidth(260);
        heatNote.setMaxWidth(260);
        HBox body = new HBox(10, stack, side);
        root = new VBox(6, header, body, note);
        root.setPadding(new Insets(8));

        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            if (s.frame() != null) {
                frameImage = FxImages.fromArgb(s.frame(), frameImage);
                frame.setImage(frameImage);
            } else {
                frame.setImage(null);
            }
            if (s.heatmap() != null) {
                heatImage = FxImages.fromArgb(s.heatmap(), heatImage);
                heat.setImage(heatImage);
                lo.setText(String.format(Locale.ROOT, "%.2f", s.heatmapMin()));
                hi.setText(String.format(Locale.ROOT, "%.2f", s.heatmapMax()));
                scale.setText("colours span this frame's range of cosines (−1 … +1 possible)");
            } else {
                heat.setImage(null);
                lo.setText("low");
                hi.setText("high");
                scale.setText("");
            }
            StringBuilder text = new StringBuilder(s.frameNote());
            s.missingChannels().forEach((c, why) -> text.append("\n").append(c.label()).append(" unavailable: ").append(why));
            note.setText(text.toString());
            heatNote.setText(s.heatmapNote());
            for (var e : buttons.entrySet()) {
                String why = s.missingChannels().get(e.getKey());
                e.getValue().setDisable(why != null && !e.getValue().isSelected());
                e.getValue().setTooltip(new Tooltip(why == null ? e.getKey().label() + " frame" : "not available: " + why));
            }
        });
    }

    Node root() {
        return root;
    }
}
