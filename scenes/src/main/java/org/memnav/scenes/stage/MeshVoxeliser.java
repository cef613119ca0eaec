package org.memnav.scenes.stage;

import org.memnav.scenes.nav.OccupancyGrid;

import java.util.List;

/**
 * Navigability from a mesh, as Habitat's navmesh bake does it in spirit: a cell is floor where a
 * near-horizontal surface lies at floor height, blocked where any surface lies between step height
 * and the agent's height, and navigable where it is floor, not blocked, and at least the agent's
 * radius away from every blocked or floorless cell; the largest connected region is kept. The
 * mesh is sampled at a quarter of a cell, so thin walls block every cell they pass through.
 */
public final class MeshVoxeliser {

    /** Surfaces this close to the floor height count as floor; higher ones up to the agent height block. */
    static final double STEP = 0.15;

    private final double cell;
    private final double agentRadius;
    private final double agentHeight;

    public MeshVoxeliser(double cellSize, double agentRadius, double agentHeight) {
        this.cell = cellSize;
        this.agentRadius = agentRadius;
        this.agentHeight = agentHeight;
    }

    /** Bounds {minX, minY, minZ, maxX, maxY, maxZ} of all parts. */
    static double[] bounds(List<MeshPart> parts) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (MeshPart part : parts) {
            float[] t = part.triangles();
            for (int i = 0; i < t.length; i += 3) {
                for (int a = 0; a < 3; a++) {
                    b[a] = Math.min(b[a], t[i + a]);
                    b[a + 3] = Math.max(b[a + 3], t[i + a]);
                }
            }
        }
        return b;
    }

    /**
     * The floor height: the mean height of the lowest 5 cm band that holds at least a fifth of all
     * near-horizontal area (a few low steps or a sunken shower tray do not fool it; a missing floor
     * falls back to the lowest point).
     */
    static double floorHeight(List<MeshPart> parts, double minY, double maxY) {
        int bins = Math.max(1, (int) Math.ceil((maxY - minY) / 0.05) + 1);
        double[] area = new double[bins];
        double[] weightedY = new double[bins];
        double total = 0;
        for (MeshPart part : parts) {
            float[] t = part.triangles();
            for (int i = 0; i < t.length; i += 9) {
                double[] n = normal(t, i);
                double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                if (len == 0 || Math.abs(n[1]) / len < 0.9) {
                    continue;
                }
                double y = (t[i + 1] + t[i + 4] + t[i + 7]) / 3;
                int bin = Math.max(0, Math.min(bins - 1, (int) Math.floor((y - minY) / 0.05)));
                area[bin] += len / 2;
                weightedY[bin] += y * len / 2;
                total += len / 2;
            }
        }
        if (total == 0) {
            return minY;
        }
        for (int b = 0; b < bins; b++) {
            if (area[b] >= 0.2 * total) {
                return weightedY[b] / area[b];
            }
        }
        return minY;
    }

    public OccupancyGrid voxelise(List<MeshPart> parts, double floorY, double[] bounds) {
        double originX = Math.floor(bounds[0] / cell) * cell - cell;
        double originZ = Math.floor(bounds[2] / cell) * cell - cell;
        int w = (int) Math.ceil((bounds[3] - originX) / cell) + 2;
        int h = (int) Math.ceil((bounds[5] - originZ) / cell) + 2;
        boolean[] floor = new boolean[w * h];
        boolean[] blocked = new boolean[w * h];
        double spacing = cell / 4;
        for (MeshPart part : parts) {
            float[] t = part.triangles();
            for (int i = 0; i < t.length; i += 9) {
                double[] n = normal(t, i);
                double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                if (len == 0) {
                    continue;
                }
                boolean horizontal = Math.abs(n[1]) / len >= 0.9;
                double e1 = dist(t, i, i + 3);
                double e2 = dist(t, i, i + 6);
                int su = Math.max(1, (int) Math.ceil(e1 / spacing));
                int sv = Math.max(1, (int) Math.ceil(e2 / spacing));
                for (int a = 0; a <= su; a++) {
                    for (int b = 0; a * sv + b * su <= su * sv; b++) {
                        double u = (double) a / su;
                        double v = (double) b / sv;
                        double x = t[i] + u * (t[i + 3] - t[i]) + v * (t[i + 6] - t[i]);
                        double y = t[i + 1] + u * (t[i + 4] - t[i + 1]) + v * (t[i + 7] - t[i + 1]);
                        double z = t[i + 2] + u * (t[i + 5] - t[i + 2]) + v * (t[i + 8] - t[i + 2]);
                        int col = (int) Math.floor((x - originX) / cell);
                        int row = (int) Math.floor((z - originZ) / cell);
                        if (col < 0 || row < 0 || col >= w || row >= h) {
                            continue;
                        }
                        double above = y - floorY;
                        if (horizontal && Math.abs(above) <= STEP) {
                            floor[row * w + col] = true;
                        } else if (above > STEP && above <= agentHeight) {
                            blocked[row * w + col] = true;
                        }
                    }
                }
            }
        }
        boolean[] free = new boolean[w * h];
        int reach = (int) Math.ceil(agentRadius / cell);
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                free[row * w + col] = floor[row * w + col] && !blocked[row * w + col];
            }
        }
        boolean[] navigable = free.clone();
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                if (free[row * w + col]) {
                    continue;
                }
                // every cell whose centre is within the agent's radius of this obstacle cell goes
                for (int dr = -reach; dr <= reach; dr++) {
                    for (int dc = -reach; dc <= reach; dc++) {
                        int r = row + dr;
                        int c = col + dc;
                        if (r < 0 || c < 0 || r >= h || c >= w) {
                            continue;
                        }
                        double gx = Math.max(0, Math.abs(dc) - 0.5) * cell;
                        double gz = Math.max(0, Math.abs(dr) - 0.5) * cell;
                        if (gx * gx + gz * gz < agentRadius * agentRadius) {
                            navigable[r * w + c] = false;
                        }
                    }
                }
            }
        }
        return OccupancyGrid.fromCells(originX, originZ, cell, w, h, navigable, true);
    }

    private static double[] normal(float[] t, int i) {
        double ax = t[i + 3] - t[i];
        double ay = t[i + 4] - t[i + 1];
        double az = t[i + 5] - t[i + 2];
        double bx = t[i + 6] - t[i];
        double by = t[i + 7] - t[i + 1];
        double bz = t[i + 8] - t[i + 2];
        return new double[]{ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx};
    }

    private static double dist(float[] t, int a, int b) {
        return Math.sqrt(Math.pow(t[b] - t[a], 2) + Math.pow(t[b + 1] - t[a + 1], 2) + Math.pow(t[b + 2] - t[a + 2], 2));
    }
}
