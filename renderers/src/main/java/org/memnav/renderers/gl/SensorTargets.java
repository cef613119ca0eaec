package org.memnav.renderers.gl;

import static org.lwjgl.opengl.GL11C.GL_DEPTH;
import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_INT;
import static org.lwjgl.opengl.GL11C.GL_RED;
import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_RGB;
import static org.lwjgl.opengl.GL11C.GL_RGBA8;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL11C.GL_COLOR;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glGetInteger;
import static org.lwjgl.opengl.GL11C.glReadBuffer;
import static org.lwjgl.opengl.GL11C.glReadPixels;
import static org.lwjgl.opengl.GL11C.glViewport;
import static org.lwjgl.opengl.GL14C.GL_DEPTH_COMPONENT24;
import static org.lwjgl.opengl.GL20C.glDrawBuffers;
import static org.lwjgl.opengl.GL30C.GL_COLOR_ATTACHMENT0;
import static org.lwjgl.opengl.GL30C.GL_COLOR_ATTACHMENT1;
import static org.lwjgl.opengl.GL30C.GL_COLOR_ATTACHMENT2;
import static org.lwjgl.opengl.GL30C.GL_DEPTH_ATTACHMENT;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengl.GL30C.GL_MAX_RENDERBUFFER_SIZE;
import static org.lwjgl.opengl.GL30C.GL_R32F;
import static org.lwjgl.opengl.GL30C.GL_R32I;
import static org.lwjgl.opengl.GL30C.GL_RED_INTEGER;
import static org.lwjgl.opengl.GL30C.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL30C.glBindRenderbuffer;
import static org.lwjgl.opengl.GL30C.glCheckFramebufferStatus;
import static org.lwjgl.opengl.GL30C.glClearBufferfv;
import static org.lwjgl.opengl.GL30C.glClearBufferiv;
import static org.lwjgl.opengl.GL30C.glDeleteFramebuffers;
import static org.lwjgl.opengl.GL30C.glDeleteRenderbuffers;
import static org.lwjgl.opengl.GL30C.glFramebufferRenderbuffer;
import static org.lwjgl.opengl.GL30C.glGenFramebuffers;
import static org.lwjgl.opengl.GL30C.glGenRenderbuffers;
import static org.lwjgl.opengl.GL30C.glRenderbufferStorage;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * The framebuffer the sensor pass draws into: colour (RGBA8), view depth (R32F), instance id
 * (R32I) and a depth-test buffer. The GL objects are made once; a size change only reallocates
 * their storage and the readback buffers. GL thread only.
 */
final class SensorTargets implements AutoCloseable {

    private static final int[] DRAW_BUFFERS = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1, GL_COLOR_ATTACHMENT2};
    private static final float[] BACKGROUND = {0f, 0f, 0f, 1f};
    private static final float[] NO_DEPTH = {0f, 0f, 0f, 0f};
    private static final int[] NO_INSTANCE = {0, 0, 0, 0};
    private static final float[] FAR_PLANE = {1f};

    private final int framebuffer;
    private final int colorBuffer;
    private final int viewDepthBuffer;
    private final int instanceBuffer;
    private final int depthTestBuffer;
    private final int maxSize;
    private int width;
    private int height;
    private ByteBuffer colorReadback;
    private FloatBuffer depthReadback;
    private IntBuffer instanceReadback;

    SensorTargets() {
        framebuffer = glGenFramebuffers();
        colorBuffer = glGenRenderbuffers();
        viewDepthBuffer = glGenRenderbuffers();
        instanceBuffer = glGenRenderbuffers();
        depthTestBuffer = glGenRenderbuffers();
        maxSize = glGetInteger(GL_MAX_RENDERBUFFER_SIZE);
    }

    /** Binds the framebuffer at the given size (reallocating storage if it changed) and clears it. */
    void bindAndClear(int newWidth, int newHeight) {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        if (newWidth != width || newHeight != height) {
            resize(newWidth, newHeight);
        }
        glViewport(0, 0, width, height);
        glDrawBuffers(DRAW_BUFFERS);
        glClearBufferfv(GL_COLOR, 0, BACKGROUND);
        glClearBufferfv(GL_COLOR, 1, NO_DEPTH);
        glClearBufferiv(GL_COLOR, 2, NO_INSTANCE);
        glClearBufferfv(GL_DEPTH, 0, FAR_PLANE);
    }

    /**
     * Reads the three attachments into a new frame. The sensor pass renders with a y-mirrored
     * projection, so GL's row 0 already is the image's top row. Pixels are read into reused
     * direct buffers (Mesa reads into them about twice as fast as into Java arrays) and
     * bulk-copied out; Mesa drops the alpha byte itself, as fast as a Java loop would.
     */
    SensorFrame read() {
        int pixels = width * height;
        byte[] rgb = new byte[pixels * 3];
        float[] depth = new float[pixels];
        int[] ids = new int[pixels];
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, colorReadback);
        colorReadback.get(0, rgb);
        glReadBuffer(GL_COLOR_ATTACHMENT1);
        glReadPixels(0, 0, width, height, GL_RED, GL_FLOAT, depthReadback);
        depthReadback.get(0, depth);
        glReadBuffer(GL_COLOR_ATTACHMENT2);
        glReadPixels(0, 0, width, height, GL_RED_INTEGER, GL_INT, instanceReadback);
        instanceReadback.get(0, ids);
        return new SensorFrame(width, height, rgb, depth, ids);
    }

    @Override
    public void close() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(framebuffer);
        glDeleteRenderbuffers(new int[] {colorBuffer, viewDepthBuffer, instanceBuffer, depthTestBuffer});
        freeReadbacks();
    }

    private void resize(int newWidth, int newHeight) {
        if (newWidth > maxSize || newHeight > maxSize) {
            throw new IllegalArgumentException("frame " + newWidth + "x" + newHeight
                    + " exceeds GL_MAX_RENDERBUFFER_SIZE " + maxSize);
        }
        storage(colorBuffer, GL_RGBA8, GL_COLOR_ATTACHMENT0, newWidth, newHeight);
        storage(viewDepthBuffer, GL_R32F, GL_COLOR_ATTACHMENT1, newWidth, newHeight);
        storage(instanceBuffer, GL_R32I, GL_COLOR_ATTACHMENT2, newWidth, newHeight);
        storage(depthTestBuffer, GL_DEPTH_COMPONENT24, GL_DEPTH_ATTACHMENT, newWidth, newHeight);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException("sensor framebuffer incomplete: 0x" + Integer.toHexString(status));
        }
        freeReadbacks();
        colorReadback = MemoryUtil.memAlloc(newWidth * newHeight * 3);
        depthReadback = MemoryUtil.memAllocFloat(newWidth * newHeight);
        instanceReadback = MemoryUtil.memAllocInt(newWidth * newHeight);
        width = newWidth;
        height = newHeight;
    }

    private void freeReadbacks() {
        MemoryUtil.memFree(colorReadback);
        MemoryUtil.memFree(depthReadback);
        MemoryUtil.memFree(instanceReadback);
        colorReadback = null;
        depthReadback = null;
        instanceReadback = null;
    }

    private static void storage(int renderbuffer, int format, int attachment, int w, int h) {
        glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
        glRenderbufferStorage(GL_RENDERBUFFER, format, w, h);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, attachment, GL_RENDERBUFFER, renderbuffer);
    }
}
