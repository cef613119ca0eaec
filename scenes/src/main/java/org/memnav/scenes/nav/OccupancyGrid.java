package org.memnav.scenes.nav;

import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.layout.WallSegment;
import org.memnav.simbridge.api.NavigabilityMap;

import java.util.ArrayDeque;

/**
 * Where the agent's centre may stand: free cells at least {@code agentRadius} from every wall and
 * object footprint, restricted to the largest 4-connected free region (the "navmesh island" the
 * agent lives on). Cell (col,row) covers x in [originX + col*cell, originX + (col+1)*cell) and z
 * likewise with rows. Immutable.
 */
public final class OccupancyGrid {

    private final double originX;
    private final double originZ;
    private final int width;
    private final int height;
    private final double cell;
    private final boolean[] navigable;

    private OccupancyGrid(double originX, double originZ, int width, int height, double cell, boolean[] navigable) {
        this.originX = originX;
        this.originZ = originZ;
        this.width = width;
        this.height = height;
        this.cell = cell;
        this.navigable = navigable;
    }

    public static OccupancyGrid build(SceneLayout layout, double agentRadius, double cellSize) {
        int w = (int) Math.ceil(layout.width() / cellSize);
        int h = (int) Math.ceil(layout.depth() / cellSize);
        boolean[] blocked = new boolean[w * h];
        for (WallSegment s : layout.walls()) {
            inflate(blocked, w, h, cellSize, s.minX(), s.minZ(), s.maxX(), s.maxZ(), agentRadius);
        }
        for (PlacedObject o : layout.objects()) {
            inflate(blocked, w, h, cellSize, o.minX(), o.minZ(), o.maxX(), o.maxZ(), agentRadius);
        }
        boolean[] free = new boolean[w * h];
        for (int i = 0; i < free.length; i++) {
            free[i] = !blocked[i];
        }
        return new OccupancyGrid(0, 0, w, h, cellSize, largestComponent(free, w, h));
    }

    /**
     * A grid from explicit cells ({@code free[row * width + col]}), e.g. a voxelised mesh or a
     * hand-made test map. With {@code largestIslandOnly} the cells outside the largest 4-connected
     * free region become non-navigable, as {@link #build} does.
     */
    public static OccupancyGrid fromCells(double originX, double originZ, double cellSize, int width, int height,
                                          boolean[] free, boolean largestIslandOnly) {
        if (width <= 0 || height <= 0 || free.length != width * height) {
            throw new IllegalArgumentException("grid of " + width + "x" + height + " needs " + (long) width * height
                    + " cells, got " + free.length);
        }
        if (!(cellSize > 0)) {
            throw new IllegalArgumentException("cell size must be positive, got " + cellSize);
        }
        boolean[] cells = largestIslandOnly ? largestComponent(free, width, height) : free.clone();
        return new OccupancyGrid(originX, originZ, width, height, cellSize, cells);
    }

    /** Marks every cell whose centre lies within {@code r} of the rectangle. */
    private static void inflate(boolean[] blocked, int w, int h, double cell, double x0, double z0, double x1, double z1,
                                double r) {
        int c0 = Math.max(0, (int) Math.floor((x0 - r) / cell));
        int c1 = Math.min(w - 1, (int) Math.floor((x1 + r) / cell));
        int r0 = Math.max(0, (int) Math.floor((z0 - r) / cell));
        int r1 = Math.min(h - 1, (int) Math.floor((z1 + r) / cell));
        for (int row = r0; row <= r1; row++) {
            double z = (row + 0.5) * cell;
            double dz = Math.max(Math.max(z0 - z, 0), z - z1);
            for (int col = c0; col <= c1; col++) {
                double x = (col + 0.5) * cell;
                double dx = Math.max(Math.max(x0 - x, 0), x - x1);
                if (dx * dx + dz * dz < r * r) {
                    blocked[row * w + col] = true;
                }
            }
        }
    }

    private static boolean[] largestComponent(boolean[] free, int w, int h) {
        int[] label = new int[w * h];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        int[] queue = new int[w * h];
        for (int start = 0; start < free.length; start++) {
            if (!free[start] || label[start] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            label[start] = next;
            queue[tail++] = start;
            while (head < tail) {
                int i = queue[head++];
                int col = i % w;
                int row = i / w;
                if (col > 0 && free[i - 1] && label[i - 1] == 0) {
                    label[i - 1] = next;
                    queue[tail++] = i - 1;
                }
                if (col < w - 1 && free[i + 1] && label[i + 1] == 0) {
                    label[i + 1] = next;
                    queue[tail++] = i + 1;
                }
                if (row > 0 && free[i - w] && label[i - w] == 0) {
                    label[i - w] = next;
                    queue[tail++] = i - w;
                }
                if (row < h - 1 && free[i + w] && label[i + w] == 0) {
                    label[i + w] = next;
                    queue[tail++] = i + w;
                }
            }
            if (tail > bestSize) {
                bestSize = tail;
                best = next;
            }
        }
        boolean[] out = new boolean[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = label[i] == best && best != 0;
        }
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double cellSize() {
        return cell;
    }

    public double originX() {
        return originX;
    }

    public double originZ() {
        return originZ;
    }

    public boolean navigable(int col, int row) {
        return col >= 0 && row >= 0 && col < width && row < height && navigable[row * width + col];
    }

    public boolean navigableAt(double x, double z) {
        return navigable(colOf(x), rowOf(z));
    }

    /** True when (x, z) lies on the grid at all (navigable or not). */
    public boolean contains(double x, double z) {
        int c = colOf(x);
        int r = rowOf(z);
        return c >= 0 && r >= 0 && c < width && r < height;
    }

    public int colOf(double x) {
        return (int) Math.floor((x - originX) / cell);
    }

    public int rowOf(double z) {
        return (int) Math.floor((z - originZ) / cell);
    }

    public double xOf(int col) {
        return originX + (col + 0.5) * cell;
    }

    public double zOf(int row) {
        return originZ + (row + 0.5) * cell;
    }

    public int navigableCount() {
        int n = 0;
        for (boolean b : navigable) {
            n += b ? 1 : 0;
        }
        return n;
    }

    public boolean anyNavigableIn(double x0, double z0, double x1, double z1) {
        for (int row = Math.max(0, rowOf(z0)); row <= Math.min(height - 1, rowOf(z1)); row++) {
            for (int col = Math.max(0, colOf(x0)); col <= Math.min(width - 1, colOf(x1)); col++) {
                if (navigable(col, row)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The navigable cell centre nearest to (x,z) within {@code radius} metres, or null. */
    public double[] nearestNavigableWithin(double x, double z, double radius) {
        int rc = (int) Math.ceil(radius / cell);
        int c = colOf(x);
        int r = rowOf(z);
        double best = Double.MAX_VALUE;
        double[] out = null;
        for (int row = Math.max(0, r - rc); row <= Math.min(height - 1, r + rc); row++) {
            for (int col = Math.max(0, c - rc); col <= Math.min(width - 1, c + rc); col++) {
                if (navigable(col, row)) {
                    double d = Math.hypot(xOf(col) - x, zOf(row) - z);
                    if (d <= radius && d < best) {
                        best = d;
                        out = new double[]{xOf(col), zOf(row)};
                    }
                }
            }
        }
        return out;
    }

    public NavigabilityMap toNavigabilityMap() {
        byte[] cells = new byte[width * height];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (byte) (navigable[i] ? 1 : 0);
        }
        return new NavigabilityMap(originX, originZ, cell, width, height, cells);
    }
}
