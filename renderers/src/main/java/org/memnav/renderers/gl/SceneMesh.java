package org.memnav.renderers.gl;

import static org.lwjgl.opengl.GL11C.GL_CULL_FACE;
import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_INT;
import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glDisable;
import static org.lwjgl.opengl.GL11C.glDrawArrays;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL15C.GL_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL15C.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL15C.glBindBuffer;
import static org.lwjgl.opengl.GL15C.glBufferData;
import static org.lwjgl.opengl.GL15C.glDeleteBuffers;
import static org.lwjgl.opengl.GL15C.glGenBuffers;
import static org.lwjgl.opengl.GL20C.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL20C.glVertexAttribPointer;
import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL30C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL30C.glGenVertexArrays;
import static org.lwjgl.opengl.GL30C.glVertexAttribIPointer;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * The uploaded scene: one interleaved vertex buffer and its vertex array. Uploading again
 * replaces the buffer's contents in place. GL thread only.
 */
final class SceneMesh implements AutoCloseable {

    // position 3 x f32 | normal 3 x f32 | colour 3 x u8 + pattern code u8 (normalised) | instance id i32
    private static final int STRIDE = 32;
    private static final int NORMAL_OFFSET = 12;
    private static final int COLOR_OFFSET = 24;
    private static final int INSTANCE_OFFSET = 28;

    private final int vertexArray;
    private final int vertexBuffer;
    private int vertexCount;
    private int solidVertexCount;

    SceneMesh() {
        vertexArray = glGenVertexArrays();
        vertexBuffer = glGenBuffers();
        glBindVertexArray(vertexArray);
        glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
        glEnableVertexAttribArray(SensorShader.ATTRIBUTE_POSITION);
        glVertexAttribPointer(SensorShader.ATTRIBUTE_POSITION, 3, GL_FLOAT, false, STRIDE, 0);
        glEnableVertexAttribArray(SensorShader.ATTRIBUTE_NORMAL);
        glVertexAttribPointer(SensorShader.ATTRIBUTE_NORMAL, 3, GL_FLOAT, false, STRIDE, NORMAL_OFFSET);
        glEnableVertexAttribArray(SensorShader.ATTRIBUTE_COLOR);
        glVertexAttribPointer(SensorShader.ATTRIBUTE_COLOR, 4, GL_UNSIGNED_BYTE, true, STRIDE, COLOR_OFFSET);
        glEnableVertexAttribArray(SensorShader.ATTRIBUTE_INSTANCE);
        glVertexAttribIPointer(SensorShader.ATTRIBUTE_INSTANCE, 1, GL_INT, STRIDE, INSTANCE_OFFSET);
        glBindVertexArray(0);
    }

    void upload(RenderScene scene) {
        int vertices = scene.vertexCount();
        ByteBuffer data = MemoryUtil.memAlloc(Math.max(1, vertices * STRIDE));
        try {
            float[] positions = scene.positions();
            float[] normals = scene.normals();
            int[] colors = scene.colors();
            int[] ids = scene.instanceIds();
            byte[] patterns = scene.patterns();
            for (int v = 0; v < vertices; v++) {
                int p = v * 3;
                data.putFloat(positions[p]).putFloat(positions[p + 1]).putFloat(positions[p + 2]);
                data.putFloat(normals[p]).putFloat(normals[p + 1]).putFloat(normals[p + 2]);
                int rgb = colors[v];
                data.put((byte) (rgb >>> 16)).put((byte) (rgb >>> 8)).put((byte) rgb).put(patterns[v]);
                data.putInt(ids[v]);
            }
            data.flip();
            glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
            glBufferData(GL_ARRAY_BUFFER, data, GL_STATIC_DRAW);
            glBindBuffer(GL_ARRAY_BUFFER, 0);
            vertexCount = vertices;
            solidVertexCount = scene.solidVertexCount();
        } finally {
            MemoryUtil.memFree(data);
        }
    }

    void draw() {
        if (vertexCount == 0) {
            return;
        }
        glBindVertexArray(vertexArray);
        if (solidVertexCount > 0) {
            glEnable(GL_CULL_FACE);
            glDrawArrays(GL_TRIANGLES, 0, solidVertexCount);
            glDisable(GL_CULL_FACE);
        }
        if (vertexCount > solidVertexCount) {
            glDrawArrays(GL_TRIANGLES, solidVertexCount, vertexCount - solidVertexCount);
        }
        glBindVertexArray(0);
    }

    @Override
    public void close() {
        glDeleteVertexArrays(vertexArray);
        glDeleteBuffers(vertexBuffer);
    }
}
