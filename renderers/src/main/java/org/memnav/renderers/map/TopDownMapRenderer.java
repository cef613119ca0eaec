package org.memnav.renderers.map;

import java.util.List;

/**
 * Draws a {@link TopDownMapLayers} into an {@link ArgbImage}: one block of pixelsPerCell x
 * pixelsPerCell pixels per grid cell, row 0 (smallest z) at the top. Stateless apart from its
 * style, so one instance may serve several threads as long as each draws into its own image.
 */
public final class TopDownMapRenderer {

    private final MapStyle style;

    public TopDownMapRenderer(MapStyle style) {
        this.style = style;
    }

    public TopDownMapRenderer() {
        this(MapStyle.defaults());
    }

    public MapStyle style() {
        return style;
    }

    /** Renders into a new image of (grid.width*pixelsPerCell) x (grid.height*pixelsPerCell). */
    public ArgbImage render(TopDownMapLayers layers, int pixelsPerCell) {
        MapProjection projection = MapProjection.of(layers.grid(), pixelsPerCell);
        ArgbImage image = new ArgbImage(projection.width(), projection.height(), new int[projection.width() * projection.height()]);
        renderInto(layers, image);
        return image;
    }

    /**
     * Renders into an existing image (reused across frames); its size must be the grid's size
     * times a whole number of pixels per cell.
     */
    public void renderInto(TopDownMapLayers layers, ArgbImage target) {
        NavigabilityGrid grid = layers.grid();
        int pixelsPerCell = target.width() / grid.width();
        if (pixelsPerCell < 1 || target.width() != grid.width() * pixelsPerCell || target.height() != grid.height() * pixelsPerCell) {
            throw new IllegalArgumentException("image " + target.width() + "x" + target.height()
                    + " is not a whole multiple of the " + grid.width() + "x" + grid.height() + " grid");
        }
        MapProjection projection = MapProjection.of(grid, pixelsPerCell);
        PixelCanvas canvas = new PixelCanvas(target);
        drawCells(grid, layers.explored().map(ExploredArea::cells).orElse(null), pixelsPerCell, target.pixels());
        drawFrontiers(layers.frontiers(), projection, canvas);
        drawTrajectory(layers.trajectory(), projection, canvas);
        drawObjects(layers.objects(), projection, canvas);
        drawGoals(layers.goals(), projection, canvas);
        layers.agent().ifPresent(agent -> drawAgent(agent, projection, canvas));
    }

    /** Grid and explored overlay in one pass: one colour per cell, copied into its pixel block. */
    private void drawCells(NavigabilityGrid grid, byte[] explored, int pixelsPerCell, int[] pixels) {
        int imageWidth = grid.width() * pixelsPerCell;
        byte[] cells = grid.cells();
        for (int row = 0; row < grid.height(); row++) {
            int firstPixelRow = row * pixelsPerCell * imageWidth;
            for (int col = 0; col < grid.width(); col++) {
                int cell = row * grid.width() + col;
                int argb = cellColor(cells[cell], explored == null ? -1 : explored[cell]);
                int start = firstPixelRow + col * pixelsPerCell;
                for (int i = 0; i < pixelsPerCell; i++) {
                    pixels[start + i] = argb;
                }
            }
            for (int copy = 1; copy < pixelsPerCell; copy++) {
                System.arraycopy(pixels, firstPixelRow, pixels, firstPixelRow + copy * imageWidth, imageWidth);
            }
        }
    }

    private int cellColor(byte navigability, int explored) {
        int base = navigability != NavigabilityGrid.BLOCKED ? style.navigable() : style.blocked();
        return switch (explored) {
            case -1 -> base;
            case ExploredArea.FREE -> PixelCanvas.blend(base, style.exploredFreeOverlay());
            case ExploredArea.OCCUPIED -> PixelCanvas.blend(base, style.exploredOccupied());
            default -> PixelCanvas.blend(base, style.unknownOverlay());
        };
    }

    private void drawFrontiers(List<WorldPoint> frontiers, MapProjection projection, PixelCanvas canvas) {
        for (WorldPoint p : frontiers) {
            canvas.fillCircle(projection.pixelX(p.x()), projection.pixelY(p.z()), style.frontierRadiusPx(), style.frontier());
        }
    }

    private void drawTrajectory(Trajectory trajectory, MapProjection projection, PixelCanvas canvas) {
        float[] xz = trajectory.xz();
        byte[] modes = trajectory.segmentModes();
        int points = trajectory.pointCount();
        if (points == 1) {
            canvas.plot(projection.column(xz[0]), projection.row(xz[1]), style.trajectoryColor(0));
            return;
        }
        int previousX = points > 0 ? projection.column(xz[0]) : 0;
        int previousY = points > 0 ? projection.row(xz[1]) : 0;
        for (int i = 1; i < points; i++) {
            int x = projection.column(xz[2 * i]);
            int y = projection.row(xz[2 * i + 1]);
            canvas.line(previousX, previousY, x, y, style.trajectoryColor(modes[i - 1]), style.trajectoryWidthPx());
            previousX = x;
            previousY = y;
        }
    }

    private void drawObjects(List<MapMarker> objects, MapProjection projection, PixelCanvas canvas) {
        int r = style.objectRadiusPx();
        for (MapMarker m : objects) {
            int x = projection.column(m.x()), y = projection.row(m.z());
            canvas.fillRect(x - r, y - r, x + r + 1, y + r + 1, m.argb());
        }
    }

    private void drawGoals(List<MapMarker> goals, MapProjection projection, PixelCanvas canvas) {
        double r = style.goalRadiusPx();
        for (MapMarker g : goals) {
            double x = projection.pixelX(g.x()), y = projection.pixelY(g.z());
            canvas.ring(x, y, r - 1.5, r, g.argb());
            canvas.fillCircle(x, y, Math.max(1, r / 3), g.argb());
        }
    }

    /**
     * An isosceles triangle pointing along the heading, with the agent's position at its
     * centroid. Heading on the map: yaw 0 is up (-z), positive yaw turns towards -x.
     */
    private void drawAgent(AgentMarker agent, MapProjection projection, PixelCanvas canvas) {
        double cx = projection.pixelX(agent.x()), cy = projection.pixelY(agent.z());
        double fx = -Math.sin(agent.yaw()), fy = -Math.cos(agent.yaw());
        double rx = -fy, ry = fx; // the map-right of the heading
        double size = style.agentSizePx();
        double tipX = cx + fx * size * 2 / 3, tipY = cy + fy * size * 2 / 3;
        double backX = cx - fx * size / 3, backY = cy - fy * size / 3;
        double halfBase = size * 0.32; // narrow enough that the tip reads as the heading
        double leftX = backX - rx * halfBase, leftY = backY - ry * halfBase;
        double rightX = backX + rx * halfBase, rightY = backY + ry * halfBase;
        canvas.fillTriangle(tipX, tipY, leftX, leftY, rightX, rightY, style.agentOutline());
        // Inset fill leaves a one-pixel outline so the agent stands out on any floor colour.
        double inset = 1.0 / Math.max(1.0, size / 3);
        canvas.fillTriangle(
                lerp(tipX, cx, inset), lerp(tipY, cy, inset),
                lerp(leftX, cx, inset), lerp(leftY, cy, inset),
                lerp(rightX, cx, inset), lerp(rightY, cy, inset), style.agentFill());
    }

    private static double lerp(double from, double to, double t) {
        return from + (to - from) * t;
    }
}
