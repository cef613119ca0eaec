package org.memnav.renderers.map;

/**
 * Draws clipped primitives straight into an {@link ArgbImage}'s pixel array: opaque colours
 * overwrite, translucent ones are alpha-blended. Coordinates are pixels with (0,0) the top-left
 * corner of the top-left pixel; pixel centres sit at +0.5. Plain loops, no java.awt, so it is
 * cheap enough to redraw 100k-point paths every frame.
 */
public final class PixelCanvas {

    private final int width;
    private final int height;
    private final int[] pixels;

    public PixelCanvas(ArgbImage image) {
        this.width = image.width();
        this.height = image.height();
        this.pixels = image.pixels();
    }

    /** Sets one pixel if it is inside the image. */
    public void plot(int x, int y, int argb) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            put(y * width + x, argb);
        }
    }

    /** Fills the pixels in [x0, x1) x [y0, y1), clipped. */
    public void fillRect(int x0, int y0, int x1, int y1, int argb) {
        int left = Math.max(0, x0), right = Math.min(width, x1);
        int top = Math.max(0, y0), bottom = Math.min(height, y1);
        for (int y = top; y < bottom; y++) {
            int row = y * width;
            for (int x = left; x < right; x++) {
                put(row + x, argb);
            }
        }
    }

    /**
     * Bresenham line between two pixels, both ends included. Segments are clipped to the image
     * first so a far-off point costs nothing. A width above 1 stamps a square at each step.
     */
    public void line(int x0, int y0, int x1, int y1, int argb, int widthPx) {
        int margin = widthPx / 2;
        if (outside(x0, y0, margin) || outside(x1, y1, margin)) {
            int[] clipped = clip(x0, y0, x1, y1, margin);
            if (clipped == null) {
                return;
            }
            x0 = clipped[0];
            y0 = clipped[1];
            x1 = clipped[2];
            y1 = clipped[3];
        }
        int dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        int x = x0, y = y0;
        while (true) {
            if (widthPx == 1) {
                plot(x, y, argb);
            } else {
                fillRect(x - margin, y - margin, x - margin + widthPx, y - margin + widthPx, argb);
            }
            if (x == x1 && y == y1) {
                return;
            }
            int doubled = 2 * error;
            if (doubled >= dy) {
                error += dy;
                x += sx;
            }
            if (doubled <= dx) {
                error += dx;
                y += sy;
            }
        }
    }

    /** Fills every pixel whose centre lies within {@code radius} of (cx, cy). */
    public void fillCircle(double cx, double cy, double radius, int argb) {
        ring(cx, cy, -1, radius, argb);
    }

    /** Fills pixels whose centre distance from (cx, cy) lies in (innerRadius, outerRadius]. */
    public void ring(double cx, double cy, double innerRadius, double outerRadius, int argb) {
        int left = Math.max(0, (int) Math.floor(cx - outerRadius));
        int right = Math.min(width - 1, (int) Math.ceil(cx + outerRadius));
        int top = Math.max(0, (int) Math.floor(cy - outerRadius));
        int bottom = Math.min(height - 1, (int) Math.ceil(cy + outerRadius));
        double outer2 = outerRadius * outerRadius;
        double inner2 = innerRadius < 0 ? -1 : innerRadius * innerRadius;
        for (int y = top; y <= bottom; y++) {
            double ddy = y + 0.5 - cy;
            for (int x = left; x <= right; x++) {
                double ddx = x + 0.5 - cx;
                double d2 = ddx * ddx + ddy * ddy;
                if (d2 <= outer2 && d2 > inner2) {
                    put(y * width + x, argb);
                }
            }
        }
    }

    /** Fills every pixel whose centre lies inside or on the triangle (either winding). */
    public void fillTriangle(double ax, double ay, double bx, double by, double cx, double cy, int argb) {
        double area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        if (area == 0) {
            return;
        }
        double sign = Math.signum(area);
        int left = Math.max(0, (int) Math.floor(Math.min(ax, Math.min(bx, cx))));
        int right = Math.min(width - 1, (int) Math.ceil(Math.max(ax, Math.max(bx, cx))));
        int top = Math.max(0, (int) Math.floor(Math.min(ay, Math.min(by, cy))));
        int bottom = Math.min(height - 1, (int) Math.ceil(Math.max(ay, Math.max(by, cy))));
        for (int y = top; y <= bottom; y++) {
            double py = y + 0.5;
            for (int x = left; x <= right; x++) {
                double px = x + 0.5;
                double e0 = sign * ((bx - ax) * (py - ay) - (by - ay) * (px - ax));
                double e1 = sign * ((cx - bx) * (py - by) - (cy - by) * (px - bx));
                double e2 = sign * ((ax - cx) * (py - cy) - (ay - cy) * (px - cx));
                if (e0 >= 0 && e1 >= 0 && e2 >= 0) {
                    put(y * width + x, argb);
                }
            }
        }
    }

    private void put(int index, int argb) {
        int alpha = argb >>> 24;
        if (alpha == 0xFF) {
            pixels[index] = argb;
        } else if (alpha != 0) {
            pixels[index] = blend(pixels[index], argb);
        }
    }

    /** Source-over compositing of {@code src} on {@code dst}, both non-premultiplied ARGB. */
    static int blend(int dst, int src) {
        int a = src >>> 24;
        int inverse = 255 - a;
        int dstA = dst >>> 24;
        int outA = a + dstA * inverse / 255;
        int r = ((src >> 16 & 0xFF) * a + (dst >> 16 & 0xFF) * inverse) / 255;
        int g = ((src >> 8 & 0xFF) * a + (dst >> 8 & 0xFF) * inverse) / 255;
        int b = ((src & 0xFF) * a + (dst & 0xFF) * inverse) / 255;
        return outA << 24 | r << 16 | g << 8 | b;
    }

    private boolean outside(int x, int y, int margin) {
        return x < -margin || y < -margin || x >= width + margin || y >= height + margin;
    }

    /** Liang-Barsky clip to the image grown by {@code margin}; null when nothing is left. */
    private int[] clip(int x0, int y0, int x1, int y1, int margin) {
        double minX = -margin, minY = -margin, maxX = width - 1 + margin, maxY = height - 1 + margin;
        double dx = x1 - x0, dy = y1 - y0;
        double t0 = 0, t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - minX, maxX - x0, y0 - minY, maxY - y0};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new int[] {
            (int) Math.round(x0 + t0 * dx), (int) Math.round(y0 + t0 * dy),
            (int) Math.round(x0 + t1 * dx), (int) Math.round(y0 + t1 * dy)
        };
    }
}
