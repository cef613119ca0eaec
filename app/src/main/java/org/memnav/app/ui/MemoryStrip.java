package org.memnav.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.memnav.app.replay.RememberedFrame;
import org.memnav.renderers.map.ArgbImage;

import java.util.List;
import java.util.Locale;

/** The frames in memory at the playhead, newest first: thumbnail where recorded, tokens, age, policy score. */
final class MemoryStrip {

    private final VBox root;
    private final HBox cards = new HBox(6);
    private final Label header = new Label("Memory");

    MemoryStrip(WorkbenchViewModel vm) {
        cards.setId("memoryStrip");
        cards.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToHeight(true);
        scroll.setPrefViewportHeight(130);
        scroll.setMinHeight(140);
        header.getStyleClass().add("title-4");
        Label help = new Label("score = the policy's score at the latest decision for \"the goal is where this frame saw it\" (higher is more "
                + "likely); outlined = the frame the policy headed for");
        help.getStyleClass().addAll("text-small", "text-muted");
        help.setWrapText(true);
        root = new VBox(4, header, help, scroll);
        root.setPadding(new Insets(0, 8, 8, 8));
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            List<RememberedFrame> frames = s.moment().memory();
            header.setText(String.format(Locale.ROOT, "Memory — %d frames · %,d tokens · %.1f KB", frames.size(),
                    s.moment().memoryTokens(), s.moment().memoryBytes() / 1024.0));
            cards.getChildren().clear();
            for (int i = frames.size() - 1; i >= 0; i--) {
                cards.getChildren().add(card(frames.get(i), s.thumbnails().get(frames.get(i).frameStep())));
            }
            if (frames.isEmpty()) {
                Label empty = new Label("memory is empty at this step");
                empty.getStyleClass().add("text-muted");
                cards.getChildren().add(empty);
            }
        });
    }

    private static Node card(RememberedFrame f, ArgbImage thumb) {
        Node picture;
        if (thumb != null) {
            ImageView v = new ImageView(FxImages.fromArgb(thumb, null));
            v.setFitWidth(64);
            v.setFitHeight(64);
            picture = v;
        } else {
            Label none = new Label("no RGB\nrecorded");
            none.getStyleClass().addAll("text-small", "text-muted");
            StackPane p = new StackPane(none);
            p.setPrefSize(64, 64);
            p.setStyle("-fx-background-color: #2a2e35;");
            picture = p;
        }
        Label text = new Label(String.format(Locale.ROOT, "#%d · step %d%n%d tok · age %d%nscore %s", f.id(), f.frameStep(),
                f.tokens(), f.ageSteps(), Double.isNaN(f.policyScore()) ? "—" : String.format(Locale.ROOT, "%.2f", f.policyScore())));
        text.getStyleClass().add("text-small");
        VBox card = new VBox(3, picture, text);
        card.setAlignment(Pos.TOP_CENTER);
        card.setPadding(new Insets(4));
        card.getStyleClass().add(f.chosen() ? "memory-card-chosen" : "memory-card");
        card.setUserData(f);
        return card;
    }

    Node root() {
        return root;
    }
}
