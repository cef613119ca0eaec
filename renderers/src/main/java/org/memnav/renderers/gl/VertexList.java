package org.memnav.renderers.gl;

import java.util.Arrays;

/** A growable list of scene vertices (position, normal, colour, instance id, pattern) for the scene builder. */
final class VertexList {

    private float[] positions = new float[3 * 36 * 16];
    private float[] normals = new float[3 * 36 * 16];
    private int[] colors = new int[36 * 16];
    private int[] instanceIds = new int[36 * 16];
    private byte[] patterns = new byte[36 * 16];
    private int count;

    int count() {
        return count;
    }

    void add(float x, float y, float z, float nx, float ny, float nz, int rgb, int id, int pattern) {
        ensureCapacity(count + 1);
        int p = count * 3;
        positions[p] = x;
        positions[p + 1] = y;
        positions[p + 2] = z;
        normals[p] = nx;
        normals[p + 1] = ny;
        normals[p + 2] = nz;
        colors[count] = rgb & 0xFFFFFF;
        instanceIds[count] = id;
        patterns[count] = (byte) pattern;
        count++;
    }

    /** Appends vertices [from, to) of a scene. */
    void addRange(RenderScene scene, int from, int to) {
        int n = to - from;
        ensureCapacity(count + n);
        System.arraycopy(scene.positions(), from * 3, positions, count * 3, n * 3);
        System.arraycopy(scene.normals(), from * 3, normals, count * 3, n * 3);
        System.arraycopy(scene.colors(), from, colors, count, n);
        System.arraycopy(scene.instanceIds(), from, instanceIds, count, n);
        System.arraycopy(scene.patterns(), from, patterns, count, n);
        count += n;
    }

    /** This list's vertices followed by {@code tail}'s, with the boundary recorded as the solid count. */
    RenderScene concatAsSolidsThen(VertexList tail) {
        int total = count + tail.count;
        float[] p = Arrays.copyOf(positions, total * 3);
        float[] n = Arrays.copyOf(normals, total * 3);
        int[] c = Arrays.copyOf(colors, total);
        int[] ids = Arrays.copyOf(instanceIds, total);
        byte[] pat = Arrays.copyOf(patterns, total);
        System.arraycopy(tail.positions, 0, p, count * 3, tail.count * 3);
        System.arraycopy(tail.normals, 0, n, count * 3, tail.count * 3);
        System.arraycopy(tail.colors, 0, c, count, tail.count);
        System.arraycopy(tail.instanceIds, 0, ids, count, tail.count);
        System.arraycopy(tail.patterns, 0, pat, count, tail.count);
        return new RenderScene(p, n, c, ids, count, pat);
    }

    private void ensureCapacity(int vertices) {
        if (vertices <= colors.length) {
            return;
        }
        int grown = Math.max(vertices, colors.length * 2);
        positions = Arrays.copyOf(positions, grown * 3);
        normals = Arrays.copyOf(normals, grown * 3);
        colors = Arrays.copyOf(colors, grown);
        instanceIds = Arrays.copyOf(instanceIds, grown);
        patterns = Arrays.copyOf(patterns, grown);
    }
}
