package org.memnav.scenes.episode;

import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.simbridge.api.RgbImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Takes the picture of an image goal as GOAT does, from a sampled navigable view point: cameras at
 * a comfortable distance in the object's room look at its centre, and the shot in which the object
 * is large, centred, not cut by the frame and not hidden behind something else wins. The semantic
 * ids of each shot tell how much of it is the object.
 */
final class GoalPictures {

    private static final int SHOTS = 10;
    private static final double MIN_DISTANCE = 0.6;
    private static final double MAX_DISTANCE = 2.8;

    private final SceneLayout layout;
    private final OccupancyGrid grid;
    private final GoalCamera camera;

    GoalPictures(SceneLayout layout, OccupancyGrid grid, GoalCamera camera) {
        this.layout = layout;
        this.grid = grid;
        this.camera = camera;
    }

    /** The chosen picture and where it was taken from (camera on the floor point x, z at the agent's camera height). */
    record Shot(RgbImage rgb, double x, double z, double yaw, double pitch) {
    }

    Optional<Shot> take(PlacedObject o, SplittableRandom rnd) {
        double size = Math.max(Math.max(o.width(), o.depth()), o.height());
        double halfFov = Math.toRadians(camera.hfovDeg()) / 2;
        double ideal = Math.max(1.0, Math.min(2.4, size * 0.55 / Math.tan(halfFov * 0.7)));
        List<double[]> spots = new ArrayList<>(); // x, z, score (lower is better)
        for (int row = Math.max(0, grid.rowOf(o.minZ() - MAX_DISTANCE)); row <= Math.min(grid.height() - 1, grid.rowOf(o.maxZ() + MAX_DISTANCE)); row += 2) {
            for (int col = Math.max(0, grid.colOf(o.minX() - MAX_DISTANCE)); col <= Math.min(grid.width() - 1, grid.colOf(o.maxX() + MAX_DISTANCE)); col += 2) {
                if (!grid.navigable(col, row)) {
                    continue;
                }
                double x = grid.xOf(col);
                double z = grid.zOf(row);
                double d = o.footprintDistance(x, z);
                Room room = layout.roomAt(x, z);
                if (d < MIN_DISTANCE || d > MAX_DISTANCE || room == null || !room.id().equals(o.roomId())) {
                    continue;
                }
                spots.add(new double[]{x, z, Math.abs(d - ideal) + 0.6 * rnd.nextDouble()});
            }
        }
        spots.sort((a, b) -> Double.compare(a[2], b[2]));
        Shot best = null;
        double bestScore = 0;
        for (int i = 0; i < Math.min(SHOTS, spots.size()); i++) {
            double[] s = spots.get(i);
            double dx = o.centreX() - s[0];
            double dz = o.centreZ() - s[1];
            double yaw = Math.atan2(-dx, -dz);
            double pitch = Math.atan2(o.height() * 0.5 - camera.cameraHeight(), Math.hypot(dx, dz));
            pitch = Math.max(-0.7, Math.min(0.35, pitch));
            GoalCamera.Picture picture = camera.shoot(s[0], s[1], yaw, pitch);
            double score = score(picture, o.instanceId());
            if (score > bestScore) {
                bestScore = score;
                best = new Shot(picture.rgb(), s[0], s[1], yaw, pitch);
            }
            if (bestScore > 0.3) {
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How good a shot is, 0 when unusable: the share of the frame the object covers (at least 3%),
     * less a penalty for being off-centre or cut by the frame's edge.
     */
    private static double score(GoalCamera.Picture picture, int id) {
        int w = picture.rgb().width();
        int h = picture.rgb().height();
        int[] ids = picture.instanceIds();
        long count = 0;
        double sumX = 0;
        double sumY = 0;
        int border = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ids[y * w + x] == id) {
                    count++;
                    sumX += x;
                    sumY += y;
                    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                        border++;
                    }
                }
            }
        }
        double share = count / (double) (w * h);
        if (share < 0.03) {
            return 0;
        }
        double offX = Math.abs(sumX / count / w - 0.5);
        double offY = Math.abs(sumY / count / h - 0.5);
        if (offX > 0.25 || offY > 0.3) {
            return 0;
        }
        double cut = border / (double) (2 * (w + h));
        return Math.min(share, 0.45) - 0.5 * (offX + offY) * share - cut;
    }
}
