package org.memnav.inference.agent;

import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

/**
 * The agent's own top-down map, built only from depth and pose (no ground truth): cells are
 * unknown, free (floor seen or a ray passed through) or occupied (something between ankle and head
 * height). Centred on the episode's start, 0.1 m cells.
 */
public final class ExploredMap {

    public static final byte UNKNOWN = 0;
    public static final byte FREE = 1;
    public static final byte OCCUPIED = 2;
    private static final double MAX_RANGE_M = 5.0;
    private static final double OBSTACLE_MIN_Y = 0.15;
    private static final double OBSTACLE_MAX_Y = 1.6;
    private static final int PIXEL_STRIDE = 4;
    private static final int COLUMN_STRIDE = 2;

    private final double cell;
    private final int size;
    private final double originX;
    private final double originZ;
    private final byte[] cells;

    public ExploredMap(Vec3 centre, double extentM, double cellM) {
        this.cell = cellM;
        this.size = (int) Math.ceil(extentM / cellM);
        this.originX = centre.x() - extentM / 2;
        this.originZ = centre.z() - extentM / 2;
        this.cells = new byte[size * size];
    }

    /**
     * Integrates one depth frame taken from {@code pose}. The camera is level, so every pixel of an
     * image column lies on the same horizontal bearing: each column clears one ray, up to its farthest
     * seen point but one cell short of its nearest obstacle, instead of one ray per pixel.
     */
    public void integrate(DepthImage depth, Pose pose, CameraModel camera) {
        double sx = pose.position().x();
        double sz = pose.position().z();
        for (int u = COLUMN_STRIDE / 2; u < depth.width(); u += COLUMN_STRIDE) {
            double clearTo = 0;
            double nearestObstacle = Double.POSITIVE_INFINITY;
            double endX = sx;
            double endZ = sz;
            for (int v = PIXEL_STRIDE / 2; v < depth.height(); v += PIXEL_STRIDE) {
                float d = depth.at(u, v);
                if (d <= 0) {
                    continue;
                }
                boolean inRange = d <= MAX_RANGE_M;
                Vec3 p = camera.unproject(pose, u, v, Math.min(d, MAX_RANGE_M));
                double h = p.y() - pose.position().y();
                double horizontal = Math.hypot(p.x() - sx, p.z() - sz);
                if (horizontal > 1e-6) {
                    endX = sx + (p.x() - sx) / horizontal;
                    endZ = sz + (p.z() - sz) / horizontal;
                }
                if (inRange && h >= OBSTACLE_MIN_Y && h <= OBSTACLE_MAX_Y) {
                    set(p.x(), p.z(), OCCUPIED);
                    nearestObstacle = Math.min(nearestObstacle, horizontal);
                } else {
                    if (inRange && h < OBSTACLE_MIN_Y && get(p.x(), p.z()) != OCCUPIED) {
                        set(p.x(), p.z(), FREE);
                    }
                    clearTo = Math.max(clearTo, horizontal);
                }
            }
            double limit = Math.min(clearTo, nearestObstacle - cell);
            if (limit > 0) {
                clearRay(sx, sz, sx + (endX - sx) * limit, sz + (endZ - sz) * limit);
            }
        }
        // the agent stands on free ground
        set(sx, sz, FREE);
    }

    /** Marks cells along the segment free, stopping at a cell seen occupied before. */
    private void clearRay(double x0, double z0, double x1, double z1) {
        double len = Math.hypot(x1 - x0, z1 - z0);
        int n = (int) (len / (cell * 0.5));
        for (int i = 0; i <= n; i++) {
            double t = i * cell * 0.5 / Math.max(len, 1e-9);
            double x = x0 + t * (x1 - x0);
            double z = z0 + t * (z1 - z0);
            if (get(x, z) == OCCUPIED) {
                return; // something we saw before blocks this ray
            }
            set(x, z, FREE);
        }
    }

    public byte get(double x, double z) {
        int c = col(x);
        int r = row(z);
        return inside(c, r) ? cells[r * size + c] : UNKNOWN;
    }

    public byte cell(int col, int row) {
        return inside(col, row) ? cells[row * size + col] : UNKNOWN;
    }

    private void set(double x, double z, byte value) {
        int c = col(x);
        int r = row(z);
        if (inside(c, r)) {
            cells[r * size + c] = value;
        }
    }

    public boolean inside(int col, int row) {
        return col >= 0 && row >= 0 && col < size && row < size;
    }

    public int col(double x) {
        return (int) Math.floor((x - originX) / cell);
    }

    public int row(double z) {
        return (int) Math.floor((z - originZ) / cell);
    }

    public double x(int col) {
        return originX + (col + 0.5) * cell;
    }

    public double z(int row) {
        return originZ + (row + 0.5) * cell;
    }

    public int size() {
        return size;
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

    /** A copy of the cells (row-major, {@link #UNKNOWN}/{@link #FREE}/{@link #OCCUPIED}) for display. */
    public byte[] snapshot() {
        return cells.clone();
    }

    public int countFree() {
        int n = 0;
        for (byte b : cells) {
            if (b == FREE) {
                n++;
            }
        }
        return n;
    }
}
