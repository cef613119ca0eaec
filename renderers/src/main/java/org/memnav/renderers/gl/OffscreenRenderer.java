package org.memnav.renderers.gl;

import static org.lwjgl.opengl.GL11C.GL_CW;
import static org.lwjgl.opengl.GL11C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL11C.GL_LESS;
import static org.lwjgl.opengl.GL11C.glDepthFunc;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL11C.glFrontFace;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders agent sensor frames (colour, view depth, instance ids) of a {@link RenderScene} with
 * offscreen OpenGL 3.3 on a surfaceless EGL display, so no window system or GPU is needed (Mesa
 * llvmpipe). Each renderer owns one thread that holds its GL context; every method may be called
 * from any thread and waits for that thread. Calls are serialised, so one renderer serves one
 * frame at a time.
 */
public final class OffscreenRenderer implements AutoCloseable {

    private final GlThread glThread;
    private final EglContext context;
    private final SensorShader shader;
    private final SceneMesh mesh;
    private final SensorTargets targets;
    private final PatternTexture patterns;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean released; // GL thread only: a call queued behind close() must not touch freed objects

    private OffscreenRenderer(GlThread glThread, GlResources resources) {
        this.glThread = glThread;
        this.context = resources.context();
        this.shader = resources.shader();
        this.mesh = resources.mesh();
        this.targets = resources.targets();
        this.patterns = resources.patterns();
        this.description = resources.description();
    }

    /**
     * Starts the GL thread and creates the context, shader, vertex buffer and framebuffer on it.
     *
     * @throws RendererUnavailableException when EGL or OpenGL 3.3 core cannot be initialised
     */
    public static OffscreenRenderer create() {
        return createOnPlatform(EglContext.PLATFORM_SURFACELESS_MESA);
    }

    /** Creates a renderer on another EGL platform; package-private so tests can force failures. */
    static OffscreenRenderer createOnPlatform(int eglPlatform) {
        GlThread thread = new GlThread("memnav-gl-renderer");
        try {
            return new OffscreenRenderer(thread, thread.call(() -> GlResources.create(eglPlatform)));
        } catch (RuntimeException | Error e) {
            thread.close();
            throw e;
        }
    }

    /** Replaces the scene being rendered (the vertex buffer is reused, not recreated). */
    public void upload(RenderScene scene) {
        requireOpen();
        glThread.run(() -> {
            requireUnreleased();
            mesh.upload(scene);
        });
    }

    /** Renders one frame from the camera; the frame buffer is resized when the size changes. */
    public SensorFrame render(CameraView camera) {
        float[] view = CameraTransforms.view(camera);
        float[] projection = CameraTransforms.projectionTopRowFirst(camera);
        requireOpen();
        return glThread.call(() -> {
            requireUnreleased();
            targets.bindAndClear(camera.width(), camera.height());
            shader.use(view, projection);
            mesh.draw();
            return targets.read();
        });
    }

    /** GL_RENDERER and GL_VERSION of the context, e.g. "llvmpipe (LLVM 15.0.6, 256 bits), 4.5 (Core Profile) Mesa 22.3.6". */
    public String description() {
        return description;
    }

    /** Frees the GL objects and the context and stops the GL thread. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            glThread.run(() -> {
                released = true;
                targets.close();
                patterns.close();
                mesh.close();
                shader.close();
                context.close();
            });
        } finally {
            glThread.close();
        }
    }

    private void requireUnreleased() {
        if (released) {
            throw new IllegalStateException("renderer is closed");
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("renderer is closed");
        }
    }

    /** Everything created on the GL thread at start-up, torn down in reverse if a step fails. */
    private record GlResources(EglContext context, SensorShader shader, SceneMesh mesh,
                               SensorTargets targets, PatternTexture patterns, String description) {

        static GlResources create(int eglPlatform) {
            EglContext context = EglContext.create(eglPlatform);
            SensorShader shader = null;
            SceneMesh mesh = null;
            PatternTexture patterns = null;
            try {
                shader = new SensorShader();
                mesh = new SceneMesh();
                patterns = new PatternTexture();
                SensorTargets targets = new SensorTargets();
                glEnable(GL_DEPTH_TEST);
                glDepthFunc(GL_LESS);
                glFrontFace(GL_CW); // counter-clockwise faces appear clockwise under the y-mirrored projection
                return new GlResources(context, shader, mesh, targets, patterns, context.description());
            } catch (RuntimeException e) {
                if (patterns != null) {
                    patterns.close();
                }
                if (mesh != null) {
                    mesh.close();
                }
                if (shader != null) {
                    shader.close();
                }
                context.close();
                throw e;
            }
        }
    }
}
