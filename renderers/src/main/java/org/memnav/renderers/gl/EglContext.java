package org.memnav.renderers.gl;

import static org.lwjgl.egl.EGL10.EGL_ALPHA_SIZE;
import static org.lwjgl.egl.EGL10.EGL_BLUE_SIZE;
import static org.lwjgl.egl.EGL10.EGL_GREEN_SIZE;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_RED_SIZE;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglCreateContext;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL12.eglReleaseThread;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;

import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * An OpenGL 3.3 core context on a surfaceless EGL display (Mesa), current on the thread that
 * created it. Must be created, used and closed on that one thread.
 */
final class EglContext implements AutoCloseable {

    /** EGL_PLATFORM_SURFACELESS_MESA: rendering without any window system or device node. */
    static final int PLATFORM_SURFACELESS_MESA = 0x31DD;

    private final long display;
    private final long context;

    private EglContext(long display, long context) {
        this.display = display;
        this.context = context;
    }

    /** Creates the context on the surfaceless Mesa platform and makes it current on this thread. */
    static EglContext createSurfaceless() {
        return create(PLATFORM_SURFACELESS_MESA);
    }

    /** Creates a context on the given EGL platform; package-private so tests can force failures. */
    static EglContext create(int platform) {
        EGLCapabilities client = loadEgl();
        long display = platformDisplay(client, platform);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            int[] major = {0};
            int[] minor = {0};
            if (!eglInitialize(display, major, minor)) {
                throw failure("eglInitialize failed on the surfaceless display");
            }
            EGL.createDisplayCapabilities(display, major[0], minor[0]);
            if (!eglBindAPI(EGL_OPENGL_API)) {
                throw failure("eglBindAPI(EGL_OPENGL_API) failed: this EGL has no desktop OpenGL");
            }
            long config = chooseConfig(display, stack);
            int[] contextAttributes = {
                EGL_CONTEXT_MAJOR_VERSION, 3,
                EGL_CONTEXT_MINOR_VERSION, 3,
                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                EGL_NONE
            };
            long context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttributes);
            if (context == EGL_NO_CONTEXT) {
                throw failure("eglCreateContext could not create an OpenGL 3.3 core context");
            }
            if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                int error = eglGetError();
                eglDestroyContext(display, context);
                throw new RendererUnavailableException("eglMakeCurrent without a surface failed ("
                        + errorName(error) + "); EGL_KHR_surfaceless_context is missing");
            }
            EglContext created = new EglContext(display, context);
            GLCapabilities caps;
            try {
                caps = glCapabilities();
            } catch (RuntimeException | LinkageError e) {
                created.close();
                throw new RendererUnavailableException("OpenGL functions could not be loaded through eglGetProcAddress: " + e, e);
            }
            if (!caps.OpenGL33) {
                String version = GL11C.glGetString(GL11C.GL_VERSION);
                created.close();
                throw new RendererUnavailableException("OpenGL 3.3 core is required but the context reports " + version);
            }
            return created;
        }
    }

    /** GL_RENDERER and GL_VERSION, e.g. "llvmpipe (LLVM 15.0.6, 256 bits), 4.5 (Core Profile) Mesa 22.3.6". */
    String description() {
        return GL11C.glGetString(GL11C.GL_RENDERER) + ", " + GL11C.glGetString(GL11C.GL_VERSION);
    }

    /**
     * Releases the context. The display is deliberately not terminated: EGL hands every caller in
     * the process the same surfaceless display, and Mesa 22 lacks EGL_KHR_display_reference, so
     * eglTerminate would pull the display from under any other renderer still open.
     */
    @Override
    public void close() {
        GL.setCapabilities(null);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        eglReleaseThread();
    }

    private static EGLCapabilities loadEgl() {
        try {
            return EGL.getCapabilities();
        } catch (LinkageError | RuntimeException e) {
            throw new RendererUnavailableException("The EGL library (libEGL.so.1) could not be loaded: " + e, e);
        }
    }

    private static long platformDisplay(EGLCapabilities client, int platform) {
        // The checked LWJGL wrappers reject a null native display, which is exactly what the
        // surfaceless platform takes, so the entry point is called directly.
        long entry = client.eglGetPlatformDisplay != 0 ? client.eglGetPlatformDisplay : client.eglGetPlatformDisplayEXT;
        if (entry == 0) {
            throw new RendererUnavailableException("EGL has neither eglGetPlatformDisplay nor eglGetPlatformDisplayEXT");
        }
        long display = JNI.callPPP(platform, 0L, 0L, entry);
        if (display == EGL_NO_DISPLAY) {
            throw failure("eglGetPlatformDisplay(0x" + Integer.toHexString(platform)
                    + ") returned no display; the Mesa surfaceless platform is unavailable");
        }
        return display;
    }

    private static long chooseConfig(long display, MemoryStack stack) {
        int[] attributes = {
            EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
            EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
            EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
            EGL_NONE
        };
        PointerBuffer configs = stack.mallocPointer(1);
        int[] count = {0};
        if (!eglChooseConfig(display, attributes, configs, count) || count[0] == 0) {
            throw failure("eglChooseConfig found no RGBA8 OpenGL config");
        }
        return configs.get(0);
    }

    /**
     * Loads OpenGL entry points through EGL. LWJGL keeps one function provider per process, so
     * the first renderer installs it and later ones reuse it.
     */
    private static GLCapabilities glCapabilities() {
        synchronized (GL.class) {
            Configuration.OPENGL_EXPLICIT_INIT.set(true);
            if (GL.getFunctionProvider() == null) {
                GL.create(EGL10::eglGetProcAddress);
            }
        }
        return GL.createCapabilities();
    }

    private static RendererUnavailableException failure(String what) {
        return new RendererUnavailableException(what + " (" + errorName(eglGetError()) + ")");
    }

    static String errorName(int error) {
        return switch (error) {
            case 0x3000 -> "EGL_SUCCESS";
            case 0x3001 -> "EGL_NOT_INITIALIZED";
            case 0x3002 -> "EGL_BAD_ACCESS";
            case 0x3003 -> "EGL_BAD_ALLOC";
            case 0x3004 -> "EGL_BAD_ATTRIBUTE";
            case 0x3005 -> "EGL_BAD_CONFIG";
            case 0x3006 -> "EGL_BAD_CONTEXT";
            case 0x3008 -> "EGL_BAD_DISPLAY";
            case 0x3009 -> "EGL_BAD_MATCH";
            case 0x300C -> "EGL_BAD_PARAMETER";
            case 0x300D -> "EGL_BAD_SURFACE";
            default -> "EGL error 0x" + Integer.toHexString(error);
        };
    }
}
