package org.memnav.app.ui;

/** What the egocentric view shows. */
public enum FrameChannel {
    RGB("RGB"), DEPTH("Depth"), SEMANTIC("Semantic");

    private final String label;

    FrameChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
