package org.memnav.renderers.gl;

/**
 * Accumulates boxes and arbitrary triangles into a {@link RenderScene}. Not thread-safe; one
 * builder per scene.
 */
public final class RenderSceneBuilder {

    private final VertexList solids = new VertexList();
    private final VertexList surfaces = new VertexList();

    /**
     * Adds an axis-aligned box as 12 outward-facing triangles (counter-clockwise seen from
     * outside). Boxes are closed solids, so the renderer may skip their back faces. Used for
     * floors, walls and furniture.
     */
    public RenderSceneBuilder addBox(double minX, double minY, double minZ,
                                     double maxX, double maxY, double maxZ, int rgb, int instanceId) {
        return addBox(minX, minY, minZ, maxX, maxY, maxZ, rgb, instanceId, SurfacePattern.PLAIN);
    }

    /** Adds a box whose faces carry a procedural surface pattern (floor boards, tiles, wallpaper...). */
    public RenderSceneBuilder addBox(double minX, double minY, double minZ, double maxX, double maxY, double maxZ,
                                     int rgb, int instanceId, SurfacePattern pattern) {
        int code = pattern.code();
        if (!(maxX > minX && maxY > minY && maxZ > minZ)) {
            throw new IllegalArgumentException("box must have positive extent: [" + minX + "," + maxX + "]x["
                    + minY + "," + maxY + "]x[" + minZ + "," + maxZ + "]");
        }
        float x0 = (float) minX, y0 = (float) minY, z0 = (float) minZ;
        float x1 = (float) maxX, y1 = (float) maxY, z1 = (float) maxZ;
        // Each face: four corners in counter-clockwise order seen from outside, and its normal.
        quad(x1, y0, z0, x1, y1, z0, x1, y1, z1, x1, y0, z1, 1, 0, 0, rgb, instanceId, code);   // +x
        quad(x0, y0, z1, x0, y1, z1, x0, y1, z0, x0, y0, z0, -1, 0, 0, rgb, instanceId, code);  // -x
        quad(x0, y1, z0, x0, y1, z1, x1, y1, z1, x1, y1, z0, 0, 1, 0, rgb, instanceId, code);   // +y
        quad(x0, y0, z1, x0, y0, z0, x1, y0, z0, x1, y0, z1, 0, -1, 0, rgb, instanceId, code);  // -y
        quad(x0, y0, z1, x1, y0, z1, x1, y1, z1, x0, y1, z1, 0, 0, 1, rgb, instanceId, code);   // +z
        quad(x1, y0, z0, x0, y0, z0, x0, y1, z0, x1, y1, z0, 0, 0, -1, rgb, instanceId, code);  // -z
        return this;
    }

    /**
     * Adds a triangle list ({@code xyz} holds 9 floats per triangle) in one colour. Normals are
     * computed per face from the winding. These triangles are drawn and lit from both sides, so
     * meshes with inconsistent winding (as imported scans often have) still render whole.
     */
    public RenderSceneBuilder addTriangles(float[] xyz, int rgb, int instanceId) {
        return addTriangles(xyz, rgb, instanceId, SurfacePattern.PLAIN);
    }

    /** Adds a two-sided triangle list with a procedural surface pattern. */
    public RenderSceneBuilder addTriangles(float[] xyz, int rgb, int instanceId, SurfacePattern pattern) {
        if (xyz.length % 9 != 0) {
            throw new IllegalArgumentException("triangle list needs 9 floats per triangle, got " + xyz.length);
        }
        for (int t = 0; t < xyz.length; t += 9) {
            float ax = xyz[t + 3] - xyz[t], ay = xyz[t + 4] - xyz[t + 1], az = xyz[t + 5] - xyz[t + 2];
            float bx = xyz[t + 6] - xyz[t], by = xyz[t + 7] - xyz[t + 1], bz = xyz[t + 8] - xyz[t + 2];
            float nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
            float len = (float) Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len > 0) {
                nx /= len;
                ny /= len;
                nz /= len;
            } else {
                ny = 1; // degenerate triangle: it covers no pixels, any normal will do
            }
            for (int v = 0; v < 3; v++) {
                surfaces.add(xyz[t + 3 * v], xyz[t + 3 * v + 1], xyz[t + 3 * v + 2], nx, ny, nz, rgb, instanceId,
                        pattern.code());
            }
        }
        return this;
    }

    /** Adds every triangle of another scene, keeping its colours, ids, normals and solidity. */
    public RenderSceneBuilder addScene(RenderScene scene) {
        solids.addRange(scene, 0, scene.solidVertexCount());
        surfaces.addRange(scene, scene.solidVertexCount(), scene.vertexCount());
        return this;
    }

    public int triangleCount() {
        return (solids.count() + surfaces.count()) / 3;
    }

    /** The scene with all box triangles first, then the two-sided triangles. */
    public RenderScene build() {
        return solids.concatAsSolidsThen(surfaces);
    }

    private void quad(float ax, float ay, float az, float bx, float by, float bz,
                      float cx, float cy, float cz, float dx, float dy, float dz,
                      float nx, float ny, float nz, int rgb, int id, int pattern) {
        solids.add(ax, ay, az, nx, ny, nz, rgb, id, pattern);
        solids.add(bx, by, bz, nx, ny, nz, rgb, id, pattern);
        solids.add(cx, cy, cz, nx, ny, nz, rgb, id, pattern);
        solids.add(ax, ay, az, nx, ny, nz, rgb, id, pattern);
        solids.add(cx, cy, cz, nx, ny, nz, rgb, id, pattern);
        solids.add(dx, dy, dz, nx, ny, nz, rgb, id, pattern);
    }
}
