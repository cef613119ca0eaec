package org.memnav.simbridge.api;

/**
 * Top-down navigability at the agent's floor: cell (col, row) covers x in
 * [originX + col*cell, originX + (col+1)*cell) and z likewise with rows; cells[row*width+col] is 1
 * where the agent's centre may stand, else 0.
 */
public record NavigabilityMap(double originX, double originZ, double cellSizeM, int width, int height, byte[] cells) {
    public NavigabilityMap {
        if (cells.length != width * height) {
            throw new IllegalArgumentException("navigability map has " + cells.length + " cells, expected " + width + "x" + height);
        }
    }

    public boolean navigable(int col, int row) {
        return col >= 0 && row >= 0 && col < width && row < height && cells[row * width + col] != 0;
    }

    public int colOf(double x) {
        return (int) Math.floor((x - originX) / cellSizeM);
    }

    public int rowOf(double z) {
        return (int) Math.floor((z - originZ) / cellSizeM);
    }

    public double xOf(int col) {
        return originX + (col + 0.5) * cellSizeM;
    }

    public double zOf(int row) {
        return originZ + (row + 0.5) * cellSizeM;
    }
}
