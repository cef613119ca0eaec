package org.memnav.renderers.orbit;

import org.memnav.renderers.gl.OffscreenRenderer;
import org.memnav.renderers.gl.RenderScene;
import org.memnav.renderers.gl.RenderSceneBuilder;
import org.memnav.renderers.gl.SensorFrame;

/**
 * The scene seen from an {@link OrbitCamera}, cut away at {@code cutHeightM} so the rooms are visible from above
 * (walls and tall furniture end there, like a doll's house), with an {@link OrbitOverlay} of trajectory and
 * markers. Offscreen OpenGL through its own {@link OffscreenRenderer}; callable from any thread, one frame at a time.
 */
public final class OrbitView implements AutoCloseable {

    public static final double DEFAULT_CUT_HEIGHT_M = 1.4;
    /** Long trajectories are thinned to at most this many ribbon segments (each is two triangles). */
    static final int MAX_SEGMENTS = 4000;
    private static final float RIBBON_Y = 0.03f;
    private static final float RIBBON_HALF_WIDTH = 0.06f;

    private final OffscreenRenderer renderer;
    private final RenderScene scene;
    private OrbitOverlay uploaded;

    private OrbitView(OffscreenRenderer renderer, RenderScene scene) {
        this.renderer = renderer;
        this.scene = scene;
    }

    /** @throws org.memnav.renderers.gl.RendererUnavailableException when EGL / OpenGL cannot start */
    public static OrbitView create(RenderScene scene, double cutHeightM) {
        RenderScene cut = cutAway(scene, cutHeightM);
        OffscreenRenderer renderer = OffscreenRenderer.create();
        OrbitView view = new OrbitView(renderer, cut);
        view.uploadWith(OrbitOverlay.empty());
        return view;
    }

    /** The scene's bounds after the cut ({minX, minY, minZ, maxX, maxY, maxZ}), to frame the camera. */
    public float[] bounds() {
        return scene.bounds();
    }

    /** Renders one frame; the overlay is uploaded again only when it is another object than last time. */
    public synchronized SensorFrame render(OrbitCamera camera, OrbitOverlay overlay, int width, int height) {
        if (overlay != uploaded) {
            uploadWith(overlay);
        }
        return renderer.render(camera.view(width, height));
    }

    private void uploadWith(OrbitOverlay overlay) {
        RenderSceneBuilder b = new RenderSceneBuilder().addScene(scene);
        addRibbon(b, overlay);
        for (OrbitOverlay.Marker m : overlay.markers()) {
            double h = m.size() / 2;
            b.addBox(m.x() - h, 0, m.z() - h, m.x() + h, m.height(), m.z() + h, m.rgb(), RenderScene.STRUCTURE_ID);
            double fx = -Math.sin(m.yaw());
            double fz = -Math.cos(m.yaw());
            double len = m.size() * 2.5;
            float y = RIBBON_Y + 0.01f;
            b.addTriangles(new float[] {
                    (float) (m.x() + fx * len), y, (float) (m.z() + fz * len),
                    (float) (m.x() - fz * m.size()), y, (float) (m.z() + fx * m.size()),
                    (float) (m.x() + fz * m.size()), y, (float) (m.z() - fx * m.size())}, m.rgb(), RenderScene.STRUCTURE_ID);
        }
        renderer.upload(b.build());
        uploaded = overlay;
    }

    private static void addRibbon(RenderSceneBuilder b, OrbitOverlay overlay) {
        int n = overlay.points();
        if (n < 2) {
            return;
        }
        int stride = Math.max(1, (n - 1 + MAX_SEGMENTS - 1) / MAX_SEGMENTS);
        float[] xz = overlay.xz();
        int colour = -1;
        float[] run = new float[18 * 64];
        int used = 0;
        for (int i = stride; i < n + stride - 1; i += stride) {
            int to = Math.min(i, n - 1);
            int from = Math.max(0, i - stride);
            float ax = xz[2 * from], az = xz[2 * from + 1], bx = xz[2 * to], bz = xz[2 * to + 1];
            float dx = bx - ax, dz = bz - az;
            float len = (float) Math.hypot(dx, dz);
            if (len < 1e-4f) {
                continue;
            }
            float nx = -dz / len * RIBBON_HALF_WIDTH, nz = dx / len * RIBBON_HALF_WIDTH;
            int c = overlay.rgb()[to];
            if (c != colour || used + 18 > run.length) { // one triangle list per colour run
                if (used > 0) {
                    b.addTriangles(java.util.Arrays.copyOf(run, used), colour, RenderScene.STRUCTURE_ID);
                }
                colour = c;
                used = 0;
            }
            float[] q = {ax + nx, RIBBON_Y, az + nz, ax - nx, RIBBON_Y, az - nz, bx - nx, RIBBON_Y, bz - nz,
                    ax + nx, RIBBON_Y, az + nz, bx - nx, RIBBON_Y, bz - nz, bx + nx, RIBBON_Y, bz + nz};
            System.arraycopy(q, 0, run, used, 18);
            used += 18;
        }
        if (used > 0) {
            b.addTriangles(java.util.Arrays.copyOf(run, used), colour, RenderScene.STRUCTURE_ID);
        }
    }

    /**
     * Every vertex above {@code maxY} is lowered to it: walls and tall objects end at that height, and what lay
     * wholly above (lintels, ceilings) collapses to nothing visible.
     */
    static RenderScene cutAway(RenderScene scene, double maxY) {
        float[] p = scene.positions().clone();
        for (int i = 1; i < p.length; i += 3) {
            p[i] = (float) Math.min(p[i], maxY);
        }
        return new RenderScene(p, scene.normals(), scene.colors(), scene.instanceIds(), scene.solidVertexCount(), scene.patterns());
    }

    @Override
    public void close() {
        renderer.close();
    }
}
