package org.memnav.renderers.gl;

import java.util.SplittableRandom;

/**
 * The pixels of the surface patterns, one square image per {@link SurfacePattern} covering one
 * metre of surface, made procedurally (seeded, so every run draws the same floors). Per texel:
 * RGB and an alpha weight; the shader draws {@code mix(colour * rgb * 2, rgb, alpha)}, so rgb 0.5
 * with alpha 0 leaves the surface colour as it is, lower or higher rgb darkens or brightens it, and
 * alpha replaces it (grout, mortar, book spines).
 */
final class PatternImages {

    /** Texels per metre (and per side of each image). */
    static final int SIZE = 128;

    private PatternImages() {
    }

    /** RGBA bytes of all layers, layer {@code code} at offset {@code code * SIZE * SIZE * 4}. */
    static byte[] layers() {
        int layers = 0;
        for (SurfacePattern p : SurfacePattern.values()) {
            layers = Math.max(layers, p.code() + 1);
        }
        byte[] out = new byte[layers * SIZE * SIZE * 4];
        for (SurfacePattern p : SurfacePattern.values()) {
            fill(out, p);
        }
        return out;
    }

    static int layerCount() {
        int layers = 0;
        for (SurfacePattern p : SurfacePattern.values()) {
            layers = Math.max(layers, p.code() + 1);
        }
        return layers;
    }

    private static void fill(byte[] out, SurfacePattern p) {
        SplittableRandom rnd = new SplittableRandom(0x5EED + p.code());
        int base = p.code() * SIZE * SIZE * 4;
        double[] plankOffset = new double[6];
        double[] tone = new double[256];
        for (int i = 0; i < plankOffset.length; i++) {
            plankOffset[i] = rnd.nextDouble();
        }
        for (int i = 0; i < tone.length; i++) {
            tone[i] = rnd.nextDouble();
        }
        // Noise grids whose size is their frequency per metre, so every image tiles seamlessly.
        double[] coarse = valueNoise(rnd, 6);
        double[] fine = valueNoise(rnd, 64);
        double[] soft = valueNoise(rnd, 3);
        double[] weaveNoise = valueNoise(rnd, 9);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double u = (x + 0.5) / SIZE; // metres along the surface
                double v = (y + 0.5) / SIZE;
                double r = 0.5;
                double g = 0.5;
                double b = 0.5;
                double a = 0;
                switch (p) {
                    case WOOD -> { // 6 boards across, 50 cm long, staggered joints, grain
                        int row = (int) (v * 6);
                        double along = u + plankOffset[row];
                        int board = Math.floorMod((int) Math.floor(along * 2), 2);
                        double t = 0.86 + 0.22 * tone[row * 2 + board] + 0.05 * Math.sin(along * 2 * Math.PI * 5 + 3 * v * 6);
                        boolean seam = (v * 6) % 1 < 0.06 || (along * 2) % 1 < 0.012;
                        r = g = b = 0.5 * t * (seam ? 0.7 : 1.0);
                    }
                    case TILES -> { // 3 tiles a metre, light grout
                        double fu = (u * 3) % 1;
                        double fv = (v * 3) % 1;
                        if (fu < 0.05 || fv < 0.05) {
                            r = g = b = 0.88;
                            a = 0.65;
                        } else {
                            r = g = b = 0.5 * (0.94 + 0.1 * tone[(int) (u * 3) * 3 + (int) (v * 3)]);
                        }
                    }
                    case CARPET -> r = g = b = 0.5 * (0.86 + 0.14 * sample(fine, 64, u * 64, v * 64)
                            + 0.06 * sample(coarse, 6, u * 6, v * 6));
                    case STRIPES -> r = g = b = 0.5 * ((u * 3) % 1 < 0.5 ? 0.92 : 1.04);
                    case PLASTER -> r = g = b = 0.5 * (0.95 + 0.07 * sample(soft, 3, u * 3, v * 3));
                    case FABRIC -> {
                        double weave = 0.5 + 0.5 * Math.sin(u * 2 * Math.PI * 25) * Math.sin(v * 2 * Math.PI * 25);
                        r = g = b = 0.5 * (0.88 + 0.1 * weave + 0.06 * sample(weaveNoise, 9, u * 9, v * 9));
                    }
                    case SCREEN -> { // a faint diagonal sheen over a dark screen
                        r = g = b = 0.3;
                        a = 0.12 * smooth((u + v) % 1);
                    }
                    case BOOKS -> { // 22 spines a metre in many colours
                        int spine = (int) (u * 22);
                        double gap = (u * 22) % 1;
                        double dark = gap < 0.08 ? 0.6 : 1.0;
                        r = (0.25 + 0.6 * tone[spine * 3]) * dark;
                        g = (0.25 + 0.6 * tone[spine * 3 + 1]) * dark;
                        b = (0.25 + 0.6 * tone[spine * 3 + 2]) * dark;
                        a = 0.8;
                    }
                    case BRICK -> { // 13 courses a metre, 4 bricks a metre, every other course offset
                        double cv = v * 13;
                        int course = (int) cv;
                        double along = u * 4 + (course % 2 == 0 ? 0 : 0.5);
                        boolean mortar = cv % 1 < 0.12 || along % 1 < 0.05;
                        if (mortar) {
                            r = 0.78;
                            g = 0.76;
                            b = 0.72;
                            a = 1;
                        } else {
                            r = g = b = 0.5 * (0.85 + 0.2 * tone[course * 5 + Math.floorMod((int) Math.floor(along), 4)]);
                        }
                    }
                    default -> {
                        // PLAIN, GLASS, LIGHT: the surface colour as it is
                    }
                }
                int o = base + (y * SIZE + x) * 4;
                out[o] = byteOf(r);
                out[o + 1] = byteOf(g);
                out[o + 2] = byteOf(b);
                out[o + 3] = byteOf(a);
            }
        }
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static byte byteOf(double v) {
        return (byte) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** A periodic grid of random values (n x n), sampled bilinearly with smoothing. */
    private static double[] valueNoise(SplittableRandom rnd, int n) {
        double[] grid = new double[n * n];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = rnd.nextDouble();
        }
        return grid;
    }

    private static double sample(double[] grid, int n, double x, double y) {
        int x0 = Math.floorMod((int) Math.floor(x), n);
        int y0 = Math.floorMod((int) Math.floor(y), n);
        int x1 = (x0 + 1) % n;
        int y1 = (y0 + 1) % n;
        double fx = smooth(x - Math.floor(x));
        double fy = smooth(y - Math.floor(y));
        double top = grid[y0 * n + x0] * (1 - fx) + grid[y0 * n + x1] * fx;
        double bottom = grid[y1 * n + x0] * (1 - fx) + grid[y1 * n + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
