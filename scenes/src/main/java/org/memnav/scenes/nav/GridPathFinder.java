package org.memnav.scenes.nav;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Shortest paths on an {@link OccupancyGrid}: 8-connected search (no corner cutting), then the
 * cell path is pulled taut with grid line-of-sight so that lengths approximate the true geodesic
 * (an 8-connected path alone overestimates by up to ~8%).
 */
public final class GridPathFinder {

    private static final double SQRT2 = Math.sqrt(2);
    private final OccupancyGrid grid;

    public GridPathFinder(OccupancyGrid grid) {
        this.grid = grid;
    }

    public OccupancyGrid grid() {
        return grid;
    }

    /** Taut path (world x,z pairs) from start to goal inclusive, or empty when either is off-grid or unreachable. */
    public List<double[]> path(double sx, double sz, double gx, double gz) {
        int start = index(grid.colOf(sx), grid.rowOf(sz));
        int goal = index(grid.colOf(gx), grid.rowOf(gz));
        if (start < 0 || goal < 0) {
            return List.of();
        }
        int[] parent = search(start, goal);
        if (parent == null) {
            return List.of();
        }
        List<Integer> cells = new ArrayList<>();
        for (int i = goal; i != start; i = parent[i]) {
            cells.add(i);
        }
        cells.add(start);
        Collections.reverse(cells);
        List<double[]> out = new ArrayList<>();
        out.add(new double[]{sx, sz});
        double cx = sx;
        double cz = sz;
        int k = 0;
        while (k < cells.size() - 1) {
            int far = k + 1;
            for (int j = cells.size() - 1; j > k + 1; j--) {
                if (lineOfSight(cx, cz, cellX(cells.get(j)), cellZ(cells.get(j)))) {
                    far = j;
                    break;
                }
            }
            if (far == cells.size() - 1) {
                break;
            }
            cx = cellX(cells.get(far));
            cz = cellZ(cells.get(far));
            out.add(new double[]{cx, cz});
            k = far;
        }
        out.add(new double[]{gx, gz});
        return out;
    }

    public double pathLength(double sx, double sz, double gx, double gz) {
        List<double[]> p = path(sx, sz, gx, gz);
        if (p.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        return length(p);
    }

    public static double length(List<double[]> p) {
        double len = 0;
        for (int i = 1; i < p.size(); i++) {
            len += Math.hypot(p.get(i)[0] - p.get(i - 1)[0], p.get(i)[1] - p.get(i - 1)[1]);
        }
        return len;
    }

    /** True when every point of the segment lies on navigable cells (sampled at a quarter cell). */
    public boolean lineOfSight(double x0, double z0, double x1, double z1) {
        double len = Math.hypot(x1 - x0, z1 - z0);
        int n = Math.max(1, (int) Math.ceil(len / (grid.cellSize() * 0.25)));
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            if (!grid.navigableAt(x0 + t * (x1 - x0), z0 + t * (z1 - z0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Multi-source geodesic distance field in metres (8-connected Dijkstra) from the given cells;
     * +infinity where unreachable. Used for goal distance fields, where the slight overestimate of
     * the 8-connected metric only makes success checks stricter.
     */
    public double[] distanceField(List<int[]> sourceCells) {
        int n = grid.width() * grid.height();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> open = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int[] s : sourceCells) {
            int i = index(s[0], s[1]);
            if (i >= 0) {
                dist[i] = 0;
                open.add(new double[]{0, i});
            }
        }
        while (!open.isEmpty()) {
            double[] top = open.poll();
            int i = (int) top[1];
            if (top[0] > dist[i]) {
                continue;
            }
            relaxNeighbours(i, dist[i], dist, null, open, -1);
        }
        for (int i = 0; i < n; i++) {
            dist[i] *= grid.cellSize();
        }
        return dist;
    }

    /** A* over cells; returns the parent array, or null when the goal is unreachable. */
    private int[] search(int start, int goal) {
        int n = grid.width() * grid.height();
        double[] g = new double[n];
        Arrays.fill(g, Double.POSITIVE_INFINITY);
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        PriorityQueue<double[]> open = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        g[start] = 0;
        open.add(new double[]{heuristic(start, goal), start});
        while (!open.isEmpty()) {
            double[] top = open.poll();
            int i = (int) top[1];
            if (i == goal) {
                return parent;
            }
            if (top[0] - heuristic(i, goal) > g[i] + 1e-9) {
                continue;
            }
            relaxNeighbours(i, g[i], g, parent, open, goal);
        }
        return null;
    }

    private void relaxNeighbours(int i, double gi, double[] g, int[] parent, PriorityQueue<double[]> open, int goal) {
        int w = grid.width();
        int col = i % w;
        int row = i / w;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                if (dr == 0 && dc == 0) {
                    continue;
                }
                int nc = col + dc;
                int nr = row + dr;
                if (!grid.navigable(nc, nr)) {
                    continue;
                }
                boolean diagonal = dr != 0 && dc != 0;
                if (diagonal && !(grid.navigable(col + dc, row) && grid.navigable(col, row + dr))) {
                    continue;
                }
                int j = nr * w + nc;
                double cand = gi + (diagonal ? SQRT2 : 1);
                if (cand < g[j]) {
                    g[j] = cand;
                    if (parent != null) {
                        parent[j] = i;
                    }
                    open.add(new double[]{cand + (goal >= 0 ? heuristic(j, goal) : 0), j});
                }
            }
        }
    }

    /** Octile distance in cells: admissible for 8-connected moves. */
    private double heuristic(int a, int b) {
        int w = grid.width();
        int dx = Math.abs(a % w - b % w);
        int dz = Math.abs(a / w - b / w);
        return Math.max(dx, dz) + (SQRT2 - 1) * Math.min(dx, dz);
    }

    private int index(int col, int row) {
        return grid.navigable(col, row) ? row * grid.width() + col : -1;
    }

    private double cellX(int i) {
        return grid.xOf(i % grid.width());
    }

    private double cellZ(int i) {
        return grid.zOf(i / grid.width());
    }
}
