package org.memnav.scenes.layout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.memnav.renderers.gl.SurfacePattern;

/** How a room's floor or walls are finished; the renderer draws each as a procedural pattern. */
public enum Finish {
    PAINT("paint", SurfacePattern.PLASTER),
    WALLPAPER("wallpaper", SurfacePattern.STRIPES),
    BRICK("brick", SurfacePattern.BRICK),
    WOOD("wood", SurfacePattern.WOOD),
    TILES("tiles", SurfacePattern.TILES),
    CARPET("carpet", SurfacePattern.CARPET);

    private final String wireName;
    private final SurfacePattern pattern;

    Finish(String wireName, SurfacePattern pattern) {
        this.wireName = wireName;
        this.pattern = pattern;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public SurfacePattern pattern() {
        return pattern;
    }

    @JsonCreator
    public static Finish fromWireName(String name) {
        for (Finish f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown finish '" + name + "'; expected paint, wallpaper, brick, wood, tiles or carpet");
    }
}
