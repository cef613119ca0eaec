package org.memnav.inference.model;

import java.util.Arrays;

/**
 * An encoder's output for one frame: a gridRows x gridCols grid of tokens of width dim.
 * {@code data} is token-major and row-major over the grid: token (r, c) starts at
 * {@code ((r * gridCols) + c) * dim}. The array is shared, not copied; treat it as read-only.
 */
public record PatchTokens(int gridRows, int gridCols, int dim, float[] data) {

    public PatchTokens {
        if (gridRows <= 0 || gridCols <= 0 || dim <= 0) {
            throw new IllegalArgumentException("patch grid " + gridRows + "x" + gridCols + "x" + dim + " must be positive");
        }
        if (data.length != gridRows * gridCols * dim) {
            throw new IllegalArgumentException("patch tokens have " + data.length + " values, expected "
                    + gridRows + "x" + gridCols + "x" + dim);
        }
    }

    public int tokenCount() {
        return gridRows * gridCols;
    }

    public float value(int row, int col, int channel) {
        if (row < 0 || row >= gridRows || col < 0 || col >= gridCols || channel < 0 || channel >= dim) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ", " + channel + ") outside " + gridRows + "x" + gridCols + "x" + dim);
        }
        return data[(row * gridCols + col) * dim + channel];
    }

    /** A copy of token {@code index} (row-major over the grid). */
    public float[] token(int index) {
        int from = index * dim;
        return Arrays.copyOfRange(data, from, from + dim);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PatchTokens that && gridRows == that.gridRows && gridCols == that.gridCols
                && dim == that.dim && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * gridRows + gridCols) + dim) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PatchTokens[" + gridRows + "x" + gridCols + "x" + dim + "]";
    }
}
