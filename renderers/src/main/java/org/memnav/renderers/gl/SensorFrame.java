package org.memnav.renderers.gl;

/**
 * One rendered sensor frame; all arrays row-major with the TOP row first.
 *
 * @param rgb         3 bytes per pixel (R, G, B); black where nothing was hit
 * @param depth       view-space depth in metres (distance along the viewing axis), 0 where nothing was hit
 * @param instanceIds instance id per pixel, 0 for structure or nothing
 */
public record SensorFrame(int width, int height, byte[] rgb, float[] depth, int[] instanceIds) {

    public SensorFrame {
        int pixels = width * height;
        if (rgb.length != pixels * 3 || depth.length != pixels || instanceIds.length != pixels) {
            throw new IllegalArgumentException("buffers do not match " + width + "x" + height + ": rgb=" + rgb.length
                    + " depth=" + depth.length + " ids=" + instanceIds.length);
        }
    }

    /** Colour at (column, row) as 0xRRGGBB. */
    public int rgbAt(int col, int row) {
        int i = (row * width + col) * 3;
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
    }

    public float depthAt(int col, int row) {
        return depth[row * width + col];
    }

    public int instanceAt(int col, int row) {
        return instanceIds[row * width + col];
    }

    /** The colour image as opaque 0xAARRGGBB ints (e.g. for an image view or PNG export). */
    public int[] argbPixels() {
        int[] out = new int[width * height];
        for (int p = 0, i = 0; p < out.length; p++, i += 3) {
            out[p] = 0xFF000000 | (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
        }
        return out;
    }
}
