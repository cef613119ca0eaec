package org.memnav.app.replay;

import org.memnav.recordings.TokenTensor;
import org.memnav.renderers.map.ArgbImage;

/**
 * Cosine similarity of one patch's encoder feature to every patch of the same frame: where the encoder
 * "sees the same thing" as at the clicked patch. Tokens are row-major over a square patch grid.
 */
public record PatchSimilarity(int gridRows, int gridCols, int patchRow, int patchCol, float[] values) {

    public static PatchSimilarity of(TokenTensor tokens, int patchRow, int patchCol) {
        int side = (int) Math.round(Math.sqrt(tokens.tokens()));
        if (side * side != tokens.tokens()) {
            throw new IllegalArgumentException("tokens of " + tokens.tokens() + " patches do not form a square grid");
        }
        if (patchRow < 0 || patchCol < 0 || patchRow >= side || patchCol >= side) {
            throw new IllegalArgumentException("patch (" + patchRow + ", " + patchCol + ") outside the " + side + "x" + side + " grid");
        }
        int dim = tokens.dim();
        float[] v = tokens.values();
        int ref = (patchRow * side + patchCol) * dim;
        double refNorm = norm(v, ref, dim);
        float[] out = new float[tokens.tokens()];
        for (int t = 0; t < tokens.tokens(); t++) {
            int at = t * dim;
            double dot = 0;
            for (int k = 0; k < dim; k++) {
                dot += v[ref + k] * v[at + k];
            }
            double n = refNorm * norm(v, at, dim);
            out[t] = n == 0 ? 0f : (float) (dot / n);
        }
        return new PatchSimilarity(side, side, patchRow, patchCol, out);
    }

    private static double norm(float[] v, int from, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
            s += v[from + k] * v[from + k];
        }
        return Math.sqrt(s);
    }

    public float at(int row, int col) {
        return values[row * gridCols + col];
    }

    /** Index (row-major) of the most similar patch. */
    public int argMax() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The lowest similarity in this frame. */
    public float min() {
        float m = Float.MAX_VALUE;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** The highest similarity in this frame (1 at the clicked patch itself). */
    public float max() {
        float m = -Float.MAX_VALUE;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * The similarity as a {@code width}x{@code height} overlay, {@code alpha} opaque, the clicked patch outlined.
     * Colours span this frame's own range ({@link #min()} dark … {@link #max()} bright): encoder features of one
     * frame are mostly alike (cosine 0.3…1), so the fixed −1…+1 scale washed everything into one yellow.
     */
    public ArgbImage overlay(int width, int height, int alpha) {
        float lo = min();
        float span = max() - lo;
        int[] px = new int[width * height];
        int x0 = patchCol * width / gridCols;
        int x1 = (patchCol + 1) * width / gridCols - 1;
        int y0 = patchRow * height / gridRows;
        int y1 = (patchRow + 1) * height / gridRows - 1;
        for (int y = 0; y < height; y++) {
            int r = y * gridRows / height;
            for (int x = 0; x < width; x++) {
                int c = x * gridCols / width;
                boolean edge = x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x == x0 || x == x1 || y == y0 || y == y1);
                double t = span <= 0 ? 1 : (at(r, c) - lo) / span;
                px[y * width + x] = edge ? 0xFFFFFFFF : (alpha << 24) | (ramp(t) & 0xFFFFFF);
            }
        }
        return new ArgbImage(width, height, px);
    }

    /** Colour scale for similarity in [-1, 1] (an absolute scale, for figures that compare frames). */
    public static int color(double s) {
        return ramp((s + 1) / 2);
    }

    /** The colour ramp over [0, 1]: dark blue (low) through purple and orange to yellow (high). */
    public static int ramp(double t0) {
        double t = Math.max(0, Math.min(1, t0));
        // A perceptual ramp in the spirit of "plasma", by linear segments.
        double[][] stops = {{13, 8, 135}, {126, 3, 168}, {204, 71, 120}, {248, 149, 64}, {240, 249, 33}};
        double f = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) f);
        double u = f - i;
        int r = (int) Math.round(stops[i][0] + (stops[i + 1][0] - stops[i][0]) * u);
        int g = (int) Math.round(stops[i][1] + (stops[i + 1][1] - stops[i][1]) * u);
        int b = (int) Math.round(stops[i][2] + (stops[i + 1][2] - stops[i][2]) * u);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
