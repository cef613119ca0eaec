package org.memnav.app.ui;

import org.memnav.renderers.map.ArgbImage;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SemanticImage;

/** Camera frames as ARGB pixels (no JavaFX here: called on the render lane). */
final class FrameImages {

    private static final float DEPTH_FAR_M = 8f;

    private FrameImages() {
    }

    static ArgbImage rgb(RgbImage img) {
        int[] px = new int[img.width() * img.height()];
        byte[] d = img.data();
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | (d[i * 3] & 0xFF) << 16 | (d[i * 3 + 1] & 0xFF) << 8 | (d[i * 3 + 2] & 0xFF);
        }
        return new ArgbImage(img.width(), img.height(), px);
    }

    /** Depth as grey, near = light, {@value #DEPTH_FAR_M} m and beyond = black; no hit = dark blue. */
    static ArgbImage depth(DepthImage img) {
        int[] px = new int[img.width() * img.height()];
        float[] m = img.metres();
        for (int i = 0; i < px.length; i++) {
            if (m[i] <= 0) {
                px[i] = 0xFF101830;
            } else {
                int g = (int) (255 * (1 - Math.min(1f, m[i] / DEPTH_FAR_M)));
                px[i] = 0xFF000000 | g << 16 | g << 8 | g;
            }
        }
        return new ArgbImage(img.width(), img.height(), px);
    }

    /** Instance ids as distinct colours (a hash), structure (0) grey. */
    static ArgbImage semantic(SemanticImage img) {
        int[] px = new int[img.width() * img.height()];
        int[] ids = img.ids();
        for (int i = 0; i < px.length; i++) {
            int id = ids[i];
            px[i] = id == 0 ? 0xFF606060 : 0xFF000000 | ((id * 0x9E3779B1) >>> 8 & 0xFFFFFF);
        }
        return new ArgbImage(img.width(), img.height(), px);
    }

    /** Every {@code factor}-th pixel: a thumbnail. */
    static ArgbImage shrink(ArgbImage img, int factor) {
        int w = img.width() / factor;
        int h = img.height() / factor;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = img.pixels()[(y * factor) * img.width() + x * factor];
            }
        }
        return new ArgbImage(w, h, px);
    }
}
