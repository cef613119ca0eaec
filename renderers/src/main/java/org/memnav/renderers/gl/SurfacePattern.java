package org.memnav.renderers.gl;

/**
 * A procedural surface finish, drawn by the sensor shader from world coordinates so that no
 * texture images are needed: floors get planks, tiles or carpet, walls paint or wallpaper with a
 * skirting board, so that a camera can tell rooms apart and judge distance from texture. The
 * code travels in the vertex colour's alpha byte. Emissive finishes (window glass, lamp shades)
 * ignore the light direction, as a light source should.
 */
public enum SurfacePattern {
    /** Flat colour, lit. Boxes added without a pattern use it. */
    PLAIN(0),
    /** Floor boards about 16 cm wide running along x, with seams and grain. */
    WOOD(1),
    /** 30 cm square tiles with light grout lines. */
    TILES(2),
    /** Fine fibre noise. */
    CARPET(3),
    /** Vertical wallpaper stripes and a dark skirting board at the floor. */
    STRIPES(4),
    /** Slightly uneven paint and a dark skirting board at the floor. */
    PLASTER(5),
    /** Woven upholstery. */
    FABRIC(6),
    /** Window glass showing a bright sky: emissive, brighter towards the top. */
    GLASS(7),
    /** A switched-off screen: dark with a faint sheen. */
    SCREEN(8),
    /** A glowing lamp shade: emissive. */
    LIGHT(9),
    /** Rows of book spines in varied colours. */
    BOOKS(10),
    /** Bricks in offset rows with mortar. */
    BRICK(11);

    private final int code;

    SurfacePattern(int code) {
        this.code = code;
    }

    /** The value the shader sees (0 to 255). */
    public int code() {
        return code;
    }

    public static SurfacePattern fromCode(int code) {
        for (SurfacePattern p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown surface pattern code " + code);
    }
}
