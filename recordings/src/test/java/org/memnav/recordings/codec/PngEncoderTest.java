package org.memnav.recordings.codec;

import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.RgbImage;

import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Our PNG encoder checked by an independent decoder (javax.imageio). */
class PngEncoderTest {
    @Test
    void randomImagesOfManySizesDecodeToTheSamePixels() throws IOException {
        Random random = new Random(5);
        int[][] sizes = {{1, 1}, {2, 3}, {3, 2}, {17, 9}, {64, 48}, {256, 256}};
        for (int[] size : sizes) {
            byte[] pixels = new byte[size[0] * size[1] * 3];
            random.nextBytes(pixels);
            RgbImage image = new RgbImage(size[0], size[1], pixels);
            RgbImage decoded = PngDecoder.decode(PngEncoder.encode(image));
            assertThat(decoded.width()).isEqualTo(size[0]);
            assertThat(decoded.height()).isEqualTo(size[1]);
            assertThat(decoded.data()).as("%dx%d", size[0], size[1]).isEqualTo(pixels);
        }
    }

    @Test
    void smoothImagesCompressWellAndStayExact() throws IOException {
        int w = 320;
        int h = 240;
        byte[] pixels = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                pixels[i] = (byte) x;
                pixels[i + 1] = (byte) (y * 2);
                pixels[i + 2] = (byte) ((x + y) / 3);
            }
        }
        RgbImage image = new RgbImage(w, h, pixels);
        byte[] png = PngEncoder.encode(image);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(png.length).isLessThan(pixels.length / 20);
        assertThat(PngDecoder.decode(png).data()).isEqualTo(pixels);
    }
}
