package org.memnav.renderers.gl;

/**
 * Offscreen OpenGL could not be set up (no EGL library, no surfaceless platform, no OpenGL 3.3
 * core context). The message names the failing step and the Debian packages that provide it, so
 * a caller can show it as-is or fall back to a renderer that needs no GL.
 */
public class RendererUnavailableException extends RuntimeException {

    static final String PACKAGES_HINT =
            "Offscreen rendering needs EGL with Mesa: install the Debian packages libegl1 libegl-mesa0 libgl1-mesa-dri.";

    public RendererUnavailableException(String what, Throwable cause) {
        super(what + ". " + PACKAGES_HINT, cause);
    }

    public RendererUnavailableException(String what) {
        this(what, null);
    }
}
