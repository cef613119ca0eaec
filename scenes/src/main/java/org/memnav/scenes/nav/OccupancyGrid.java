package org.memnav.scenes.nav;

import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.layout.WallSegment;
import org.memnav.simbridge.api.NavigabilityMap;

import java.util.ArrayDeque;

/**
 * Where the agent's centre may stand: free cells at least {@code agentRadius} from every wall and
 * object footprint, restricted to the largest 4-connected free region (the "navmesh island" the
 * agent lives on). Cell (col,row) covers x in [col*cell, (col+1)*cell) and z likewise, origin 0,0.
 */
public final class OccupancyGrid {

    private final int width;
    private final int height;
    private final double cell;
    private final boolean[] navigable;

    private OccupancyGrid(int width, int height, double cell, boolean[] navigable) {
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
        return new OccupancyGrid(w, h, cellSize, largestComponent(free, w, h));
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
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < free.length; start++) {
            if (!free[start] || label[start] != 0) {
                continue;
            }
            next++;
            int size = 0;
            label[start] = next;
            queue.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                size++;
                int col = i % w;
                int row = i / w;
                int[] nbs = {col > 0 ? i - 1 : -1, col < w - 1 ? i + 1 : -1, row > 0 ? i - w : -1, row < h - 1 ? i + w : -1};
                for (int n : nbs) {
                    if (n >= 0 && free[n] && label[n] == 0) {
                        label[n] = next;
                        queue.add(n);
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
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

    public boolean navigable(int col, int row) {
        return col >= 0 && row >= 0 && col < width && row < height && navigable[row * width + col];
    }

    public boolean navigableAt(double x, double z) {
        return navigable(colOf(x), rowOf(z));
    }

    public int colOf(double x) {
        return (int) Math.floor(x / cell);
    }

    public int rowOf(double z) {
        return (int) Math.floor(z / cell);
    }

    public double xOf(int col) {
        return (col + 0.5) * cell;
    }

    public double zOf(int row) {
        return (row + 0.5) * cell;
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
        for (int row = r - rc; row <= r + rc; row++) {
            for (int col = c - rc; col <= c + rc; col++) {
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
        return new NavigabilityMap(0, 0, cell, width, height, cells);
    }
}
