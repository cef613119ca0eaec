package org.memnav.recordings.codec;

import org.memnav.simbridge.api.RgbImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Decodes any PNG (or other javax.imageio format) into an 8-bit RGB frame; used when reading recordings back. */
public final class PngDecoder {
    private PngDecoder() {
    }

    public static RgbImage decode(byte[] encoded) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
        if (image == null) {
            throw new IOException("not a readable image (" + encoded.length + " bytes)");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >>> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >>> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return new RgbImage(width, height, rgb);
    }
}
