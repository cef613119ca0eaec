package org.memnav.renderers.gl;

/**
 * An immutable triangle soup ready for upload: every three consecutive vertices form one
 * triangle. Per vertex: position (x,y,z in metres), a face normal, a 0xRRGGBB colour, an
 * instance id (0 = structure such as floor and walls, greater than 0 = objects) and a
 * {@link SurfacePattern} code (0 = plain colour).
 *
 * <p>The first {@code solidVertexCount} vertices belong to closed solids wound counter-clockwise
 * seen from outside (boxes): their back faces can never be seen, so the renderer culls them,
 * which halves the fragment work. The remaining vertices are open surfaces drawn from both
 * sides.
 *
 * <p>The arrays are owned by the scene; build scenes with {@link RenderSceneBuilder} and do not
 * modify the arrays afterwards.
 */
public record RenderScene(float[] positions, float[] normals, int[] colors, int[] instanceIds, int solidVertexCount,
                          byte[] patterns) {

    public static final int STRUCTURE_ID = 0;

    /** A scene of plain-coloured surfaces. */
    public RenderScene(float[] positions, float[] normals, int[] colors, int[] instanceIds, int solidVertexCount) {
        this(positions, normals, colors, instanceIds, solidVertexCount, new byte[colors.length]);
    }

    public RenderScene {
        int vertices = colors.length;
        if (patterns.length != vertices) {
            throw new IllegalArgumentException("patterns has " + patterns.length + " entries for " + vertices + " vertices");
        }
        if (vertices % 3 != 0) {
            throw new IllegalArgumentException("vertex count " + vertices + " is not a multiple of 3");
        }
        if (positions.length != vertices * 3 || normals.length != vertices * 3 || instanceIds.length != vertices) {
            throw new IllegalArgumentException("per-vertex arrays disagree: positions=" + positions.length
                    + " normals=" + normals.length + " colors=" + colors.length + " ids=" + instanceIds.length);
        }
        if (solidVertexCount < 0 || solidVertexCount > vertices || solidVertexCount % 3 != 0) {
            throw new IllegalArgumentException("solidVertexCount " + solidVertexCount + " must be a multiple of 3 in [0, " + vertices + "]");
        }
    }

    public static RenderScene empty() {
        return new RenderScene(new float[0], new float[0], new int[0], new int[0], 0);
    }

    public int vertexCount() {
        return colors.length;
    }

    public int triangleCount() {
        return colors.length / 3;
    }

    /** Axis-aligned bounds {minX, minY, minZ, maxX, maxY, maxZ}; all zero for an empty scene. */
    public float[] bounds() {
        if (positions.length == 0) {
            return new float[6];
        }
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < positions.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], positions[i + a]);
                b[a + 3] = Math.max(b[a + 3], positions[i + a]);
            }
        }
        return b;
    }
}
