package org.memnav.scenes.nav;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Shortest paths on an {@link OccupancyGrid}, the embedded stand-in for Habitat's navmesh path
 * finder: 8-connected A* (no corner cutting, diagonal cost sqrt 2), then the cell path is pulled
 * taut with exact grid line-of-sight, so that lengths approximate the true (any-angle) geodesic;
 * the 8-connected length alone overestimates by up to 8%. Also multi-source distance fields for
 * goals and taut paths down such a field (to the nearest of many goal points).
 *
 * <p>Not thread-safe: searches reuse scratch arrays (the simulator is single-threaded, as
 * Habitat-Sim is).
 */
public final class GridPathFinder {

    private static final double SQRT2 = Math.sqrt(2);
    private static final int[] DC = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DR = {0, 0, 1, -1, 1, -1, 1, -1};

    private final OccupancyGrid grid;
    private final double[] cost;
    private final int[] parent;
    private final int[] visited; // == epoch when cost/parent are valid for the current search
    private final CellHeap open = new CellHeap();
    private int epoch;

    public GridPathFinder(OccupancyGrid grid) {
        this.grid = grid;
        int n = grid.width() * grid.height();
        this.cost = new double[n];
        this.parent = new int[n];
        this.visited = new int[n];
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
        if (!search(start, goal)) {
            return List.of();
        }
        return pullTaut(sx, sz, cellsBack(goal, start), gx, gz);
    }

    /** Length of {@link #path}; +infinity when there is none. */
    public double pathLength(double sx, double sz, double gx, double gz) {
        List<double[]> p = path(sx, sz, gx, gz);
        return p.isEmpty() ? Double.POSITIVE_INFINITY : length(p);
    }

    /**
     * Optimal 8-connected path cost in metres between two cells (straight moves one cell,
     * diagonal moves sqrt 2 cells, no corner cutting); +infinity when unreachable. This is the
     * metric the search optimises before the path is pulled taut.
     */
    public double gridDistance(int colA, int rowA, int colB, int rowB) {
        int a = index(colA, rowA);
        int b = index(colB, rowB);
        if (a < 0 || b < 0) {
            return Double.POSITIVE_INFINITY;
        }
        return search(a, b) ? cost[b] * grid.cellSize() : Double.POSITIVE_INFINITY;
    }

    public static double length(List<double[]> p) {
        double len = 0;
        for (int i = 1; i < p.size(); i++) {
            len += Math.hypot(p.get(i)[0] - p.get(i - 1)[0], p.get(i)[1] - p.get(i - 1)[1]);
        }
        return len;
    }

    /**
     * True when every grid cell the segment passes through is navigable (exact traversal; where
     * the segment passes exactly through a cell corner, both cells beside the corner must be
     * navigable).
     */
    public boolean lineOfSight(double x0, double z0, double x1, double z1) {
        double cell = grid.cellSize();
        double fx0 = (x0 - grid.originX()) / cell;
        double fz0 = (z0 - grid.originZ()) / cell;
        double fx1 = (x1 - grid.originX()) / cell;
        double fz1 = (z1 - grid.originZ()) / cell;
        int c = (int) Math.floor(fx0);
        int r = (int) Math.floor(fz0);
        int cEnd = (int) Math.floor(fx1);
        int rEnd = (int) Math.floor(fz1);
        if (!grid.navigable(c, r) || !grid.navigable(cEnd, rEnd)) {
            return false;
        }
        double dx = fx1 - fx0;
        double dz = fz1 - fz0;
        int stepC = dx > 0 ? 1 : dx < 0 ? -1 : 0;
        int stepR = dz > 0 ? 1 : dz < 0 ? -1 : 0;
        double tDeltaC = stepC == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dx);
        double tDeltaR = stepR == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dz);
        double tMaxC = stepC > 0 ? (c + 1 - fx0) / dx : stepC < 0 ? (fx0 - c) / -dx : Double.POSITIVE_INFINITY;
        double tMaxR = stepR > 0 ? (r + 1 - fz0) / dz : stepR < 0 ? (fz0 - r) / -dz : Double.POSITIVE_INFINITY;
        int steps = Math.abs(cEnd - c) + Math.abs(rEnd - r);
        for (int i = 0; i < steps && (c != cEnd || r != rEnd); i++) {
            if (Math.abs(tMaxC - tMaxR) < 1e-12) {
                if (!grid.navigable(c + stepC, r) || !grid.navigable(c, r + stepR)) {
                    return false;
                }
                c += stepC;
                r += stepR;
                tMaxC += tDeltaC;
                tMaxR += tDeltaR;
                i++;
            } else if (tMaxC < tMaxR) {
                c += stepC;
                tMaxC += tDeltaC;
            } else {
                r += stepR;
                tMaxR += tDeltaR;
            }
            if (!grid.navigable(c, r)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Multi-source geodesic distance field in metres (8-connected Dijkstra) from the given cells;
     * +infinity where unreachable. Goal regions use it to find their nearest view point; lengths
     * are then taken along the taut path down the field ({@link #pathDownField}).
     */
    public double[] distanceField(List<int[]> sourceCells) {
        int n = grid.width() * grid.height();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        open.clear();
        for (int[] s : sourceCells) {
            int i = index(s[0], s[1]);
            if (i >= 0 && dist[i] > 0) {
                dist[i] = 0;
                open.push(0, i);
            }
        }
        int w = grid.width();
        while (!open.isEmpty()) {
            double key = open.topKey();
            int i = open.pop();
            if (key > dist[i]) {
                continue;
            }
            int col = i % w;
            int row = i / w;
            for (int k = 0; k < 8; k++) {
                int nc = col + DC[k];
                int nr = row + DR[k];
                if (!passable(col, row, nc, nr, k)) {
                    continue;
                }
                int j = nr * w + nc;
                double cand = key + (k >= 4 ? SQRT2 : 1);
                if (cand < dist[j]) {
                    dist[j] = cand;
                    open.push(cand, j);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            dist[i] *= grid.cellSize();
        }
        return dist;
    }

    /**
     * The taut path from (x, z) down a distance field to its nearest source cell (the cell where
     * the field is 0), ending at that cell's centre; empty when (x, z) is off-grid or cannot reach
     * any source.
     */
    public List<double[]> pathDownField(double[] field, double x, double z) {
        int c = grid.colOf(x);
        int r = grid.rowOf(z);
        int i = index(c, r);
        if (i < 0 || !Double.isFinite(field[i])) {
            return List.of();
        }
        int w = grid.width();
        List<Integer> cells = new ArrayList<>();
        cells.add(i);
        double step = grid.cellSize();
        while (field[i] > 0) {
            int col = i % w;
            int row = i / w;
            int best = -1;
            double bestValue = field[i];
            for (int k = 0; k < 8; k++) {
                int nc = col + DC[k];
                int nr = row + DR[k];
                if (!passable(col, row, nc, nr, k)) {
                    continue;
                }
                int j = nr * w + nc;
                double via = field[j] + (k >= 4 ? SQRT2 : 1) * step;
                if (field[j] < field[i] && via <= bestValue + 1e-9) {
                    bestValue = via;
                    best = j;
                }
            }
            if (best < 0) {
                return List.of(); // not a distance field of this grid
            }
            i = best;
            cells.add(i);
        }
        return pullTaut(x, z, cells, grid.xOf(i % w), grid.zOf(i / w));
    }

    /** Length of {@link #pathDownField}; +infinity when there is none. */
    public double lengthDownField(double[] field, double x, double z) {
        List<double[]> p = pathDownField(field, x, z);
        return p.isEmpty() ? Double.POSITIVE_INFINITY : length(p);
    }

    /** A* over cells from start to goal; afterwards cost[]/parent[] hold the search tree. */
    private boolean search(int start, int goal) {
        epoch++;
        open.clear();
        visited[start] = epoch;
        cost[start] = 0;
        parent[start] = -1;
        open.push(heuristic(start, goal), start);
        int w = grid.width();
        while (!open.isEmpty()) {
            double key = open.topKey();
            int i = open.pop();
            if (i == goal) {
                return true;
            }
            double gi = cost[i];
            if (key - heuristic(i, goal) > gi + 1e-9) {
                continue; // stale entry
            }
            int col = i % w;
            int row = i / w;
            for (int k = 0; k < 8; k++) {
                int nc = col + DC[k];
                int nr = row + DR[k];
                if (!passable(col, row, nc, nr, k)) {
                    continue;
                }
                int j = nr * w + nc;
                double cand = gi + (k >= 4 ? SQRT2 : 1);
                if (visited[j] != epoch || cand < cost[j] - 1e-12) {
                    visited[j] = epoch;
                    cost[j] = cand;
                    parent[j] = i;
                    open.push(cand + heuristic(j, goal), j);
                }
            }
        }
        return false;
    }

    /** A move from (col,row) to its neighbour k: the target is navigable and a diagonal cuts no corner. */
    private boolean passable(int col, int row, int nc, int nr, int k) {
        if (!grid.navigable(nc, nr)) {
            return false;
        }
        return k < 4 || (grid.navigable(nc, row) && grid.navigable(col, nr));
    }

    private List<Integer> cellsBack(int goal, int start) {
        List<Integer> cells = new ArrayList<>();
        for (int i = goal; i != start; i = parent[i]) {
            cells.add(i);
        }
        cells.add(start);
        Collections.reverse(cells);
        return cells;
    }

    /**
     * Pulls a cell path taut: walks forward keeping the last cell still visible from the current
     * anchor, then drops any waypoint that the one before it can see past.
     */
    private List<double[]> pullTaut(double sx, double sz, List<Integer> cells, double gx, double gz) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[]{sx, sz});
        double ax = sx;
        double az = sz;
        for (int j = 1; j < cells.size(); j++) {
            if (!lineOfSight(ax, az, cellX(cells.get(j)), cellZ(cells.get(j)))) {
                ax = cellX(cells.get(j - 1));
                az = cellZ(cells.get(j - 1));
                points.add(new double[]{ax, az});
            }
        }
        if (!lineOfSight(ax, az, gx, gz) && cells.size() > 1) {
            points.add(new double[]{cellX(cells.get(cells.size() - 1)), cellZ(cells.get(cells.size() - 1))});
        }
        points.add(new double[]{gx, gz});
        List<double[]> out = new ArrayList<>();
        int k = 0;
        out.add(points.get(0));
        while (k < points.size() - 1) {
            int far = k + 1;
            for (int j = points.size() - 1; j > k + 1; j--) {
                if (lineOfSight(points.get(k)[0], points.get(k)[1], points.get(j)[0], points.get(j)[1])) {
                    far = j;
                    break;
                }
            }
            out.add(points.get(far));
            k = far;
        }
        return out;
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
