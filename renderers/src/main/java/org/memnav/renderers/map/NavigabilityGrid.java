package org.memnav.renderers.map;

/**
 * Top-down navigability: cell (col, row) covers x in [originX + col*cellSizeM, originX +
 * (col+1)*cellSizeM) and z likewise with rows (rows run along +z); cells[row*width + col] is 1
 * where the agent may stand, 0 where it is blocked.
 */
public record NavigabilityGrid(double originX, double originZ, double cellSizeM, int width, int height, byte[] cells) {

    public static final byte BLOCKED = 0;
    public static final byte NAVIGABLE = 1;

    public NavigabilityGrid {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("grid size must be positive, got " + width + "x" + height);
        }
        if (!(cellSizeM > 0)) {
            throw new IllegalArgumentException("cell size must be positive, got " + cellSizeM);
        }
        if (cells.length != width * height) {
            throw new IllegalArgumentException("grid has " + cells.length + " cells, expected " + width + "x" + height);
        }
    }

    public boolean navigable(int col, int row) {
        return col >= 0 && row >= 0 && col < width && row < height && cells[row * width + col] != BLOCKED;
    }
}
