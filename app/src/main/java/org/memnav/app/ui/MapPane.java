package org.memnav.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.memnav.app.replay.MomentMap;

import java.util.Locale;

/** The top-down map at the playhead: one image (pixels drawn off the FX thread), scroll to zoom, drag to pan. */
final class MapPane {

    private final VBox root;
    private final ImageView view = new ImageView();
    private final Label hover = new Label();
    private WritableImage image;
    private double zoom = 1;
    private double centreX = -1;
    private double centreY = -1;
    private Point2D dragFrom;

    MapPane(WorkbenchViewModel vm) {
        view.setId("topDownMap");
        view.setPreserveRatio(true);
        view.setSmooth(false);
        Pane holder = new Pane(view);
        holder.setMinSize(200, 200);
        holder.setPrefSize(640, 520);
        view.fitWidthProperty().bind(holder.widthProperty());
        view.fitHeightProperty().bind(holder.heightProperty());
        // Centred in the panel at the largest size that keeps the aspect ratio (a Pane alone pins it top-left).
        Runnable centre = () -> {
            var b = view.getLayoutBounds();
            view.relocate(Math.max(0, (holder.getWidth() - b.getWidth()) / 2), Math.max(0, (holder.getHeight() - b.getHeight()) / 2));
        };
        holder.widthProperty().addListener((o, a, b) -> centre.run());
        holder.heightProperty().addListener((o, a, b) -> centre.run());
        view.layoutBoundsProperty().addListener((o, a, b) -> centre.run());
        holder.setStyle("-fx-background-color: #1b1e23;");
        hover.getStyleClass().add("map-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        holder.getChildren().add(hover);

        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s != null && s.map() != null) {
                image = FxImages.fromArgb(s.map(), image);
                view.setImage(image);
                if (centreX < 0) {
                    centreX = image.getWidth() / 2;
                    centreY = image.getHeight() / 2;
                }
                applyViewport();
            }
        });
        holder.setOnScroll(e -> {
            zoom = Math.max(1, Math.min(12, zoom * (e.getDeltaY() > 0 ? 1.2 : 1 / 1.2)));
            applyViewport();
        });
        holder.setOnMousePressed(e -> dragFrom = new Point2D(e.getX(), e.getY()));
        holder.setOnMouseDragged(e -> {
            if (dragFrom == null || image == null) {
                return;
            }
            double scale = imagePixelsPerScreenPixel();
            centreX -= (e.getX() - dragFrom.getX()) * scale;
            centreY -= (e.getY() - dragFrom.getY()) * scale;
            dragFrom = new Point2D(e.getX(), e.getY());
            applyViewport();
        });
        holder.setOnMouseMoved(e -> {
            Point2D p = toImage(e.getX(), e.getY());
            var object = p == null ? java.util.Optional.<org.memnav.simbridge.api.SceneObject>empty()
                    : vm.objectAtMapPixel(p.getX(), p.getY());
            hover.setVisible(object.isPresent());
            object.ifPresent(obj -> {
                hover.setText(String.format(Locale.ROOT, "%s #%d · %s", obj.category(), obj.instanceId(), obj.room()));
                hover.relocate(e.getX() + 12, e.getY() + 8);
            });
        });
        holder.setOnMouseExited(e -> hover.setVisible(false));

        Label title = new Label("Top-down map");
        title.getStyleClass().add("title-4");
        Label help = new Label("scroll to zoom · drag to pan · hover an object for its name");
        help.getStyleClass().addAll("text-small", "text-muted");
        FlowPane legend = new FlowPane(12, 4,
                entry(line(0xFF1E88E5), "exploring"), entry(line(0xFF2E9E48), "memory-guided"),
                entry(dot(0xFFD81B60), "agent"), entry(ring(MomentMap.TARGET_ARGB), "target"),
                entry(ring(MomentMap.GOAL_ARGB), "goal objects"),
                entry(square(MomentMap.VIEW_POINT_ARGB | 0xFF000000), "goal view points"), entry(dot(0xFFFFB300), "frontiers"),
                entry(dot(MomentMap.MEMORY_POSE_ARGB), "memory frame poses"), entry(ring(0xFFFFFFFF), "frame the policy used"),
                entry(square(MomentMap.OBJECT_ARGB), "objects"), entry(square(0xFF3A3F47), "not navigable"));
        legend.getStyleClass().add("text-small");
        Node comparedEntry = entry(line(MomentMap.COMPARED_RUN_ARGB), "run B");
        Label comparedLabel = (Label) ((HBox) comparedEntry).getChildren().get(1);
        comparedLabel.setId("comparedRunLegend");
        comparedLabel.textProperty().bind(vm.comparedDescriptionProperty());
        comparedEntry.visibleProperty().bind(vm.comparedDescriptionProperty().isNotEmpty());
        comparedEntry.managedProperty().bind(comparedEntry.visibleProperty());
        legend.getChildren().add(0, comparedEntry);
        HBox header = new HBox(12, title, help);
        header.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        root = new VBox(6, header, holder, legend);
        root.setPadding(new Insets(8));
        VBox.setVgrow(holder, Priority.ALWAYS);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(holder.widthProperty());
        clip.heightProperty().bind(holder.heightProperty());
        holder.setClip(clip);
    }

    private double imagePixelsPerScreenPixel() {
        Rectangle2D vp = view.getViewport();
        double shown = vp == null ? image.getWidth() : vp.getWidth();
        return shown / Math.max(1, view.getBoundsInParent().getWidth());
    }

    private Point2D toImage(double x, double y) {
        if (image == null) {
            return null;
        }
        Rectangle2D vp = view.getViewport() == null ? new Rectangle2D(0, 0, image.getWidth(), image.getHeight()) : view.getViewport();
        var b = view.getBoundsInParent();
        if (!b.contains(x, y)) {
            return null;
        }
        return new Point2D(vp.getMinX() + (x - b.getMinX()) / b.getWidth() * vp.getWidth(),
                vp.getMinY() + (y - b.getMinY()) / b.getHeight() * vp.getHeight());
    }

    private void applyViewport() {
        if (image == null) {
            return;
        }
        double w = image.getWidth() / zoom;
        double h = image.getHeight() / zoom;
        centreX = Math.max(w / 2, Math.min(image.getWidth() - w / 2, centreX));
        centreY = Math.max(h / 2, Math.min(image.getHeight() - h / 2, centreY));
        view.setViewport(new Rectangle2D(centreX - w / 2, centreY - h / 2, w, h));
    }

    private static Node entry(Shape swatch, String text) {
        HBox box = new HBox(4, swatch, new Label(text));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static Color color(int argb) {
        return Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
    }

    private static Shape line(int argb) {
        Rectangle r = new Rectangle(14, 3, color(argb));
        return r;
    }

    private static Shape dot(int argb) {
        return new Circle(5, color(argb));
    }

    private static Shape ring(int argb) {
        Circle c = new Circle(5, Color.TRANSPARENT);
        c.setStroke(color(argb));
        c.setStrokeWidth(2);
        return c;
    }

    private static Shape square(int argb) {
        return new Rectangle(9, 9, color(argb));
    }

    Node root() {
        return root;
    }
}
