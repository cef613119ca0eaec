package org.memnav.renderers.map;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * A pixel buffer of 0xAARRGGBB ints, row-major with the top row first (the layout of JavaFX's
 * {@code PixelFormat.getIntArgbInstance()} and of {@code BufferedImage.TYPE_INT_ARGB}). The
 * renderers draw into {@code pixels} in place, so an image can be reused frame after frame.
 */
public record ArgbImage(int width, int height, int[] pixels) {

    public ArgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixel array has " + pixels.length + " entries, expected " + width + "x" + height);
        }
    }

    public static ArgbImage filled(int width, int height, int argb) {
        int[] pixels = new int[Math.multiplyExact(width, height)];
        Arrays.fill(pixels, argb);
        return new ArgbImage(width, height, pixels);
    }

    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    public void writePng(Path file) throws IOException {
        if (!ImageIO.write(toBufferedImage(), "png", file.toFile())) {
            throw new IOException("no PNG writer available in javax.imageio");
        }
    }
}
