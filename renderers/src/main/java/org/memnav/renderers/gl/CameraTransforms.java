package org.memnav.renderers.gl;

/**
 * View and projection matrices for a {@link CameraView}, column-major as OpenGL expects, plus
 * the inverse mapping from world points to pixels (used by tests and overlays).
 */
public final class CameraTransforms {

    private CameraTransforms() {
    }

    /**
     * World-to-view matrix. The camera's orientation is R = Ry(yaw) * Rx(pitch) applied to a
     * camera that looks along -z; the view matrix is R^T * translate(-eye).
     */
    public static float[] view(CameraView c) {
        double cy = Math.cos(c.yaw()), sy = Math.sin(c.yaw());
        double cp = Math.cos(c.pitch()), sp = Math.sin(c.pitch());
        // Columns of R: camera right, up and back axes in world coordinates.
        double rx = cy, ry = 0, rz = -sy;
        double ux = sy * sp, uy = cp, uz = cy * sp;
        double bx = sy * cp, by = -sp, bz = cy * cp;
        double ex = c.x(), ey = c.y(), ez = c.z();
        float[] m = new float[16];
        // Rows of R^T are the columns of R; stored column-major.
        m[0] = (float) rx; m[4] = (float) ry; m[8] = (float) rz;
        m[1] = (float) ux; m[5] = (float) uy; m[9] = (float) uz;
        m[2] = (float) bx; m[6] = (float) by; m[10] = (float) bz;
        m[12] = (float) -(rx * ex + ry * ey + rz * ez);
        m[13] = (float) -(ux * ex + uy * ey + uz * ez);
        m[14] = (float) -(bx * ex + by * ey + bz * ez);
        m[15] = 1;
        return m;
    }

    /** Perspective projection from the horizontal field of view and the image aspect ratio. */
    public static float[] projection(CameraView c) {
        double sx = 1 / c.tanHalfHfov();
        double sy = 1 / c.tanHalfVfov();
        double n = c.near(), f = c.far();
        float[] m = new float[16];
        m[0] = (float) sx;
        m[5] = (float) sy;
        m[10] = (float) (-(f + n) / (f - n));
        m[11] = -1;
        m[14] = (float) (-2 * f * n / (f - n));
        return m;
    }

    /**
     * The projection with clip-space y negated, so that GL's first framebuffer row is the top of
     * the image and glReadPixels yields rows top-first with no flipping copy. Mirroring y also
     * mirrors triangle winding, so the renderer sets glFrontFace(GL_CW) to match.
     */
    static float[] projectionTopRowFirst(CameraView c) {
        float[] m = projection(c);
        m[5] = -m[5];
        return m;
    }

    /**
     * Projects a world point to continuous pixel coordinates {column, row, viewDepth} with row 0
     * at the top, or null when the point is behind the camera.
     */
    public static double[] worldToPixel(CameraView c, double wx, double wy, double wz) {
        float[] v = view(c);
        double vx = v[0] * wx + v[4] * wy + v[8] * wz + v[12];
        double vy = v[1] * wx + v[5] * wy + v[9] * wz + v[13];
        double vz = v[2] * wx + v[6] * wy + v[10] * wz + v[14];
        double depth = -vz;
        if (depth <= 0) {
            return null;
        }
        double ndcX = vx / (depth * c.tanHalfHfov());
        double ndcY = vy / (depth * c.tanHalfVfov());
        double col = (ndcX + 1) / 2 * c.width();
        double row = (1 - ndcY) / 2 * c.height();
        return new double[] {col, row, depth};
    }
}
