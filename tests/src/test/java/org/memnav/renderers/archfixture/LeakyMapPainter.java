package org.memnav.renderers.archfixture;

import javafx.scene.paint.Color;

/** Test fixture: a renderer-side class that (wrongly) uses JavaFX, to prove the architecture rule catches it. */
public final class LeakyMapPainter {

    public Color background() {
        return Color.BLACK;
    }
}
