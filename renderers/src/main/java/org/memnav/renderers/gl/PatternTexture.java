package org.memnav.renderers.gl;

import static org.lwjgl.opengl.GL11C.GL_NEAREST;
import static org.lwjgl.opengl.GL11C.GL_REPEAT;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_RGBA8;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_WRAP_S;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_WRAP_T;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glBindTexture;
import static org.lwjgl.opengl.GL11C.glDeleteTextures;
import static org.lwjgl.opengl.GL11C.glGenTextures;
import static org.lwjgl.opengl.GL11C.glTexParameteri;
import static org.lwjgl.opengl.GL12C.glTexImage3D;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL30C.GL_TEXTURE_2D_ARRAY;

import java.nio.ByteBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * The surface patterns as one texture array (a layer per {@link SurfacePattern} code, one metre of
 * surface per 128x128 image), bound to texture unit 0 for the renderer's lifetime. Fetching a
 * texel costs llvmpipe far less than computing the pattern per fragment (measured: procedural
 * patterns made frames 4.5x slower, a filtered texture 1.6x, a texel fetch about 1.35x, against
 * flat colours). GL thread only.
 */
final class PatternTexture implements AutoCloseable {

    private final int texture;

    PatternTexture() {
        byte[] pixels = PatternImages.layers();
        ByteBuffer data = MemoryUtil.memAlloc(pixels.length);
        try {
            data.put(pixels).flip();
            texture = glGenTextures();
            glActiveTexture(GL_TEXTURE0);
            glBindTexture(GL_TEXTURE_2D_ARRAY, texture);
            glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, PatternImages.SIZE, PatternImages.SIZE,
                    PatternImages.layerCount(), 0, GL_RGBA, GL_UNSIGNED_BYTE, data);
            // Read with texelFetch (no filtering, no mipmaps): the cheapest lookup on llvmpipe. A
            // texture without mipmaps must not ask for them, or it is incomplete and reads as black.
            glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_S, GL_REPEAT);
            glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_T, GL_REPEAT);
        } finally {
            MemoryUtil.memFree(data);
        }
    }

    @Override
    public void close() {
        glDeleteTextures(texture);
    }
}
