package org.memnav.app.eval;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The eval's PNG plots, drawn headless with java.awt (no JavaFX): the write-budget curve (SR against writes per
 * subtask, one point per arm and budget, 95 % CI bars) and the sweep (SR against memory length, one line per
 * compression rate).
 */
public final class EvalPlots {

    private static final int W = 900;
    private static final int H = 600;
    private static final int LEFT = 80;
    private static final int RIGHT = 220;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0x7f7f7f), new Color(0xbcbd22)};

    private EvalPlots() {
    }

    /** A point with a vertical interval, in a named series. */
    record Point(String series, double x, double y, double low, double high) {
    }

    /** SR vs writes per subtask across arms and budgets. */
    public static void writeBudgetCurve(Path png, List<CellResult> cells) throws IOException {
        List<Point> points = new ArrayList<>();
        for (CellResult c : cells) {
            SampleStatistics.Interval sr = c.interval(EpisodeSummary::successRate);
            points.add(new Point(c.cell().arm(), c.interval(EpisodeSummary::writesPerSubtask).mean(), sr.mean(), sr.low(), sr.high()));
        }
        draw(png, "SR vs writes per subtask (95% t-interval over episodes)", "writes per subtask", "success rate", points, false);
    }

    /** SR vs memory length, one line per compression rate. */
    public static void sweep(Path png, List<CellResult> cells) throws IOException {
        List<Point> points = new ArrayList<>();
        for (CellResult c : cells) {
            SampleStatistics.Interval sr = c.interval(EpisodeSummary::successRate);
            points.add(new Point(c.cell().rate() + "x", c.cell().memoryLength(), sr.mean(), sr.low(), sr.high()));
        }
        draw(png, "Sweep: SR vs memory length per compression rate", "memory length (frames)", "success rate", points, true);
    }

    static void draw(Path png, String title, String xLabel, String yLabel, List<Point> points, boolean lines) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            double xMax = points.stream().mapToDouble(Point::x).filter(Double::isFinite).max().orElse(1) * 1.1;
            xMax = xMax <= 0 ? 1 : xMax;
            double yMax = Math.max(1.0, points.stream().mapToDouble(Point::high).filter(Double::isFinite).max().orElse(1));
            int pw = W - LEFT - RIGHT;
            int ph = H - TOP - BOTTOM;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawRect(LEFT, TOP, pw, ph);
            for (int i = 0; i <= 5; i++) {
                int x = LEFT + pw * i / 5;
                int y = TOP + ph - ph * i / 5;
                g.setColor(new Color(0xdddddd));
                g.drawLine(LEFT, y, LEFT + pw, y);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.2f", yMax * i / 5), 30, y + 4);
                g.drawString(String.format(Locale.ROOT, "%.1f", xMax * i / 5), x - 10, TOP + ph + 18);
            }
            g.drawString(xLabel, LEFT + pw / 2 - 50, H - 25);
            g.drawString(yLabel, 5, TOP - 10);
            Map<String, Color> colors = new LinkedHashMap<>();
            Map<String, int[]> previous = new LinkedHashMap<>();
            g.setStroke(new BasicStroke(2));
            for (Point p : points) {
                Color color = colors.computeIfAbsent(p.series(), s -> PALETTE[colors.size() % PALETTE.length]);
                if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                    continue;
                }
                int x = LEFT + (int) Math.round(pw * p.x() / xMax);
                int y = TOP + ph - (int) Math.round(ph * p.y() / yMax);
                g.setColor(color);
                if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
                    int yl = TOP + ph - (int) Math.round(ph * Math.max(0, p.low()) / yMax);
                    int yh = TOP + ph - (int) Math.round(ph * p.high() / yMax);
                    g.drawLine(x, yl, x, yh);
                    g.drawLine(x - 4, yl, x + 4, yl);
                    g.drawLine(x - 4, yh, x + 4, yh);
                }
                g.fillOval(x - 5, y - 5, 10, 10);
                int[] prev = previous.put(p.series(), new int[] {x, y});
                if (lines && prev != null) {
                    g.drawLine(prev[0], prev[1], x, y);
                }
            }
            int ly = TOP + 10;
            for (Map.Entry<String, Color> e : colors.entrySet()) {
                g.setColor(e.getValue());
                g.fillOval(W - RIGHT + 20, ly - 8, 10, 10);
                g.setColor(Color.BLACK);
                g.drawString(e.getKey(), W - RIGHT + 38, ly + 1);
                ly += 20;
            }
        } finally {
            g.dispose();
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(img, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }
}
