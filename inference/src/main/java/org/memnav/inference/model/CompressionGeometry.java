package org.memnav.inference.model;

/**
 * Token arithmetic of the AstraNav-Memory compressor for one patch grid and rate: the grid is padded
 * (zeros, bottom and right) to a multiple of 2^N, then N blocks of PixelUnshuffle(2) -> Conv3x3 ->
 * BatchNorm -> SiLU halve each side, cutting the token count by 4^N. Rate 1 is N = 0: one
 * Conv3x3 -> BatchNorm -> SiLU block that keeps the grid.
 */
public record CompressionGeometry(int gridRows, int gridCols, int rate) {

    public CompressionGeometry {
        if (gridRows <= 0 || gridCols <= 0) {
            throw new IllegalArgumentException("patch grid must be positive, was " + gridRows + "x" + gridCols);
        }
        blocksFor(rate);
    }

    /** N for a rate of 4^N; rejects anything else. */
    public static int blocksFor(int rate) {
        int n = 0;
        for (int r = 1; r < rate; r *= 4) {
            n++;
        }
        if (rate < 1 || Math.pow(4, n) != rate) {
            throw new IllegalArgumentException("compression rate must be 1, 4, 16, 64 ... (a power of 4), was " + rate);
        }
        return n;
    }

    public int blocks() {
        return blocksFor(rate);
    }

    private int multiple() {
        return 1 << blocks();
    }

    public int paddedRows() {
        return ceilToMultiple(gridRows, multiple());
    }

    public int paddedCols() {
        return ceilToMultiple(gridCols, multiple());
    }

    public int outputRows() {
        return paddedRows() / multiple();
    }

    public int outputCols() {
        return paddedCols() / multiple();
    }

    public int inputTokens() {
        return gridRows * gridCols;
    }

    public int outputTokens() {
        return outputRows() * outputCols();
    }

    /** Bytes one compressed frame takes in memory as float32 tokens of width {@code tokenDim}. */
    public long bytesPerFrame(int tokenDim) {
        return (long) outputTokens() * tokenDim * Float.BYTES;
    }

    private static int ceilToMultiple(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
