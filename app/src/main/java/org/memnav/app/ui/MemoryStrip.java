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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The frames in memory at the playhead, newest first: thumbnail where recorded, tokens, age, policy score. */
final class MemoryStrip {

    private final VBox root;
    private final HBox cards = new HBox(6);
    private final Label header = new Label("Memory");
    private final Label empty = new Label("memory is empty at this step");
    private final Map<Integer, Card> byFrame = new HashMap<>();

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
        empty.getStyleClass().add("text-muted");
        root = new VBox(4, header, help, scroll);
        root.setPadding(new Insets(0, 8, 8, 8));
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            List<RememberedFrame> frames = s.moment().memory();
            header.setText(String.format(Locale.ROOT, "Memory — %d frames · %,d tokens · %.1f KB", frames.size(),
                    s.moment().memoryTokens(), s.moment().memoryBytes() / 1024.0));
            // Cards are kept per remembered frame and only their text and outline change, so a step costs a few label
            // updates instead of fifty new nodes and their CSS pass (memnav bench ui).
            List<Node> shown = new ArrayList<>(frames.size());
            Map<Integer, Card> next = new HashMap<>();
            for (int i = frames.size() - 1; i >= 0; i--) {
                RememberedFrame f = frames.get(i);
                ArgbImage thumb = s.thumbnails().get(f.frameStep());
                Card c = byFrame.get(f.frameStep());
                if (c == null || c.hasThumbnail() != (thumb != null)) {
                    c = new Card(thumb);
                }
                c.show(f);
                next.put(f.frameStep(), c);
                shown.add(c.root());
            }
            if (frames.isEmpty()) {
                shown.add(empty);
            }
            byFrame.clear();
            byFrame.putAll(next);
            if (!cards.getChildren().equals(shown)) {
                cards.getChildren().setAll(shown);
            }
        });
    }

    /** One remembered frame's card; its picture is made once, its text and outline follow the playhead. */
    private static final class Card {
        private final VBox root;
        private final Label text = new Label();
        private final boolean thumbnail;

        Card(ArgbImage thumb) {
            Node picture;
            thumbnail = thumb != null;
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
            text.getStyleClass().add("text-small");
            root = new VBox(3, picture, text);
            root.setAlignment(Pos.TOP_CENTER);
            root.setPadding(new Insets(4));
            root.getStyleClass().add("memory-card");
        }

        boolean hasThumbnail() {
            return thumbnail;
        }

        void show(RememberedFrame f) {
            text.setText(String.format(Locale.ROOT, "#%d · step %d%n%d tok · age %d%nscore %s", f.id(), f.frameStep(),
                    f.tokens(), f.ageSteps(), Double.isNaN(f.policyScore()) ? "—" : String.format(Locale.ROOT, "%.2f", f.policyScore())));
            String style = f.chosen() ? "memory-card-chosen" : "memory-card";
            if (!root.getStyleClass().contains(style)) {
                root.getStyleClass().removeAll("memory-card", "memory-card-chosen");
                root.getStyleClass().add(style);
            }
            root.setUserData(f);
        }

        Node root() {
            return root;
        }
    }

    Node root() {
        return root;
    }
}
