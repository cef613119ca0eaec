package org.memnav.app.replay;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A small line plot drawn with Java2D (headless, no JavaFX), for reports written without a window: axes with
 * min/max labels, one series, a title.
 */
public final class LinePlotImage {

    private LinePlotImage() {
    }

    /**
     * {@code points} are (x, y) pairs in order of x; an empty series gives a plot saying so. {@code stepped} holds each
     * value until the next point (a level that changes at events, as memory size), otherwise points are joined.
     */
    public static BufferedImage draw(String title, String xLabel, String yLabel, List<double[]> points, boolean stepped,
                                     int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int left = 64;
            int right = width - 16;
            int top = 28;
            int bottom = height - 40;
            g.setColor(Color.DARK_GRAY);
            g.drawString(title, left, 18);
            g.drawLine(left, bottom, right, bottom);
            g.drawLine(left, top, left, bottom);
            g.drawString(xLabel, (left + right) / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, height - 8);
            if (points.isEmpty()) {
                g.drawString("no data", left + 10, (top + bottom) / 2);
                return img;
            }
            double x0 = points.getFirst()[0];
            double x1 = points.getLast()[0];
            double y0 = 0;
            double y1 = points.stream().mapToDouble(p -> p[1]).max().orElse(1);
            if (x1 <= x0) {
                x1 = x0 + 1;
            }
            if (y1 <= y0) {
                y1 = y0 + 1;
            }
            g.drawString(fmt(x0), left, bottom + 14);
            String xr = fmt(x1);
            g.drawString(xr, right - g.getFontMetrics().stringWidth(xr), bottom + 14);
            g.drawString(fmt(y1), 4, top + 10);
            g.drawString(fmt(y0), 4, bottom);
            g.drawString(yLabel, 4, (top + bottom) / 2);
            g.setColor(new Color(0x1E88E5));
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (double[] p : points) {
                int x = (int) Math.round(left + (p[0] - x0) / (x1 - x0) * (right - left));
                int y = (int) Math.round(bottom - (p[1] - y0) / (y1 - y0) * (bottom - top));
                if (px >= 0 && stepped) {
                    g.drawLine(px, py, x, py);
                    g.drawLine(x, py, x, y);
                } else if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            return img;
        } finally {
            g.dispose();
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
