package org.memnav.scenes.sim;

import org.memnav.renderers.gl.RenderScene;
import org.memnav.renderers.gl.RenderSceneBuilder;
import org.memnav.renderers.gl.SurfacePattern;
import org.memnav.scenes.layout.Door;
import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.layout.WallSegment;
import org.memnav.scenes.layout.WindowPane;

/**
 * Turns a floor plan into renderable boxes: floors and walls in each room's colours and finishes
 * (a partition shows each room its own side), lintels over doors, framed windows, a ceiling, and
 * objects in their category's shape under their instance id.
 */
public final class LayoutGeometry {

    private static final double WALL = 0.1;
    private static final int SKY = 0xD4E9F7;
    private static final int FRAME = 0xF2F2EE;

    private LayoutGeometry() {
    }

    public static RenderScene toRenderScene(SceneLayout layout, boolean withCeiling) {
        RenderSceneBuilder b = new RenderSceneBuilder();
        for (Room r : layout.rooms()) {
            b.addBox(r.minX(), -0.02, r.minZ(), r.maxX(), 0, r.maxZ(), r.floorRgb(), RenderScene.STRUCTURE_ID,
                    r.floorFinish().pattern());
        }
        for (WallSegment w : layout.walls()) {
            addWall(b, layout, w.minX(), 0, w.minZ(), w.maxX(), w.height(), w.maxZ(), w.rgb());
        }
        for (Door d : layout.doors()) {
            if (d.height() < layout.wallHeight()) {
                double half = d.width() / 2;
                if (d.alongX()) {
                    addWall(b, layout, d.x() - half, d.height(), d.z() - WALL / 2, d.x() + half, layout.wallHeight(),
                            d.z() + WALL / 2, 0xD8D2C8);
                } else {
                    addWall(b, layout, d.x() - WALL / 2, d.height(), d.z() - half, d.x() + WALL / 2, layout.wallHeight(),
                            d.z() + half, 0xD8D2C8);
                }
            }
        }
        for (WindowPane w : layout.windows()) {
            addWindow(b, layout, w);
        }
        if (withCeiling) {
            // Drawn as a light source: lit from above only, a ceiling would look dark grey from below.
            b.addBox(-0.1, layout.wallHeight(), -0.1, layout.width() + 0.1, layout.wallHeight() + 0.02,
                    layout.depth() + 0.1, 0xD8D8D2, RenderScene.STRUCTURE_ID, SurfacePattern.LIGHT);
        }
        for (PlacedObject o : layout.objects()) {
            ObjectShapes.addTo(b, o);
        }
        return b.build();
    }

    /**
     * A wall block, cut along room boundaries: each piece takes the colour and finish of the room
     * it lies in (rooms at the plan's edge reach over the outer walls); pieces in no room keep
     * {@code rgb}.
     */
    private static void addWall(RenderSceneBuilder b, SceneLayout layout, double x0, double y0, double z0, double x1,
                                double y1, double z1, int rgb) {
        double covered = 0;
        for (Room r : layout.rooms()) {
            double rx0 = r.minX() <= 1e-9 ? -WALL - 0.01 : r.minX();
            double rz0 = r.minZ() <= 1e-9 ? -WALL - 0.01 : r.minZ();
            double rx1 = r.maxX() >= layout.width() - 1e-9 ? layout.width() + WALL + 0.01 : r.maxX();
            double rz1 = r.maxZ() >= layout.depth() - 1e-9 ? layout.depth() + WALL + 0.01 : r.maxZ();
            double ax = Math.max(x0, rx0);
            double bx = Math.min(x1, rx1);
            double az = Math.max(z0, rz0);
            double bz = Math.min(z1, rz1);
            if (bx - ax > 1e-4 && bz - az > 1e-4) {
                b.addBox(ax, y0, az, bx, y1, bz, r.wallRgb(), RenderScene.STRUCTURE_ID, r.wallFinish().pattern());
                covered += (bx - ax) * (bz - az);
            }
        }
        if (covered < (x1 - x0) * (z1 - z0) - 1e-6) {
            b.addBox(x0 + 0.001, y0, z0 + 0.001, x1 - 0.001, y1 - 0.001, z1 - 0.001, rgb, RenderScene.STRUCTURE_ID);
        }
    }

    /** Glass showing the sky, set 1 cm into the room, with a frame and a mullion standing 2 cm proud of it. */
    private static void addWindow(RenderSceneBuilder b, SceneLayout layout, WindowPane w) {
        Room room = layout.room(w.roomId());
        boolean thinInZ = (w.maxZ() - w.minZ()) <= (w.maxX() - w.minX());
        double sign;
        if (thinInZ) {
            sign = room != null && room.centreZ() < w.centreZ() ? -1 : 1;
        } else {
            sign = room != null && room.centreX() < w.centreX() ? -1 : 1;
        }
        b.addBox(w.minX(), w.sill(), w.minZ(), w.maxX(), w.top(), w.maxZ(), SKY, RenderScene.STRUCTURE_ID, SurfacePattern.GLASS);
        double f = 0.05;
        double lo = thinInZ ? w.minX() : w.minZ();
        double hi = thinInZ ? w.maxX() : w.maxZ();
        double face = thinInZ ? (sign > 0 ? w.maxZ() : w.minZ()) : (sign > 0 ? w.maxX() : w.minX());
        double f0 = Math.min(face, face + sign * 0.025);
        double f1 = Math.max(face, face + sign * 0.025);
        double mid = (lo + hi) / 2;
        double[][] bars = {
                {lo - f, hi + f, w.sill() - f, w.sill()},   // sill
                {lo - f, hi + f, w.top(), w.top() + f},     // head
                {lo - f, lo, w.sill(), w.top()},            // left jamb
                {hi, hi + f, w.sill(), w.top()},            // right jamb
                {mid - f / 2, mid + f / 2, w.sill(), w.top()}, // mullion
                {lo, hi, (w.sill() + w.top()) / 2 + 0.1 - f / 2, (w.sill() + w.top()) / 2 + 0.1 + f / 2}}; // transom
        for (double[] bar : bars) {
            if (thinInZ) {
                b.addBox(bar[0], bar[2], f0, bar[1], bar[3], f1, FRAME, RenderScene.STRUCTURE_ID);
            } else {
                b.addBox(f0, bar[2], bar[0], f1, bar[3], bar[1], FRAME, RenderScene.STRUCTURE_ID);
            }
        }
    }
}
