package org.memnav.app.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.memnav.renderers.map.ArgbImage;
import org.memnav.simbridge.api.RgbImage;

/** Copies our pixel buffers into JavaFX images, reusing the target when the size still fits. */
final class FxImages {

    private FxImages() {
    }

    static WritableImage fromArgb(ArgbImage src, WritableImage reuse) {
        WritableImage img = fits(reuse, src.width(), src.height()) ? reuse : new WritableImage(src.width(), src.height());
        img.getPixelWriter().setPixels(0, 0, src.width(), src.height(), PixelFormat.getIntArgbInstance(), src.pixels(), 0,
                src.width());
        return img;
    }

    static WritableImage fromRgb(RgbImage src, WritableImage reuse) {
        WritableImage img = fits(reuse, src.width(), src.height()) ? reuse : new WritableImage(src.width(), src.height());
        img.getPixelWriter().setPixels(0, 0, src.width(), src.height(), PixelFormat.getByteRgbInstance(), src.data(), 0,
                src.width() * 3);
        return img;
    }

    /** 0xAARRGGBB as a CSS colour ("#rrggbb"). */
    static String web(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    static javafx.scene.paint.Color color(int argb) {
        return javafx.scene.paint.Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    private static boolean fits(WritableImage img, int w, int h) {
        return img != null && (int) img.getWidth() == w && (int) img.getHeight() == h;
    }
}
