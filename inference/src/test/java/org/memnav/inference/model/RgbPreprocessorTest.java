package org.memnav.inference.model;

import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.RgbImage;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RgbPreprocessorTest {

    private static final List<Double> ZERO = List.of(0.0, 0.0, 0.0);
    private static final List<Double> ONE = List.of(1.0, 1.0, 1.0);

    @Test
    void reordersHwcToChwAndScalesToUnit() {
        // 2x1 image: pixel 0 = (255, 0, 51), pixel 1 = (0, 102, 255)
        RgbImage image = new RgbImage(2, 1, bytes(255, 0, 51, 0, 102, 255));

        float[] chw = new RgbPreprocessor(1, 2, ZERO, ONE).toChw(image);

        assertThat(chw).containsExactly(new float[] {1f, 0f, 0f, 0.4f, 0.2f, 1f}, within(1e-6f));
    }

    @Test
    void normalisesPerChannel() {
        RgbImage image = new RgbImage(1, 1, bytes(255, 255, 255));

        float[] chw = new RgbPreprocessor(1, 1, List.of(0.5, 0.25, 0.0), List.of(0.5, 0.25, 2.0)).toChw(image);

        assertThat(chw).containsExactly(new float[] {1f, 3f, 0.5f}, within(1e-6f));
    }

    @Test
    void upsamplesWithHalfPixelCentresLikePyTorch() {
        // One row 0, 255 upsampled to 4: PyTorch bilinear (align_corners=False) gives 0, 0.25, 0.75, 1.
        RgbImage image = new RgbImage(2, 1, bytes(0, 0, 0, 255, 255, 255));

        float[] chw = new RgbPreprocessor(1, 4, ZERO, ONE).toChw(image);

        assertThat(chw).hasSize(12);
        assertThat(Arrays.copyOfRange(chw, 0, 4)).containsExactly(new float[] {0f, 0.25f, 0.75f, 1f}, within(1e-6f));
    }

    @Test
    void downsamplingAveragesNeighbours() {
        // Four columns 0, 255, 0, 255 halved: sources at 0.5 and 2.5 average each pair.
        RgbImage image = new RgbImage(4, 1, bytes(0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255));

        float[] chw = new RgbPreprocessor(1, 2, ZERO, ONE).toChw(image);

        assertThat(Arrays.copyOfRange(chw, 0, 2)).containsExactly(new float[] {0.5f, 0.5f}, within(1e-6f));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
