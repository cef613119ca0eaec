package org.memnav.inference.model;

import org.memnav.simbridge.api.RgbImage;

import java.util.List;

/**
 * Turns an 8-bit HWC frame into the encoder's float CHW input: scale to [0, 1], resize with
 * bilinear interpolation when the frame is not the model's size, then (x - mean) / std per channel.
 *
 * <p>The resize matches PyTorch's {@code F.interpolate(mode="bilinear", align_corners=False,
 * antialias=False)} (half-pixel centres, no antialiasing), which is what the training and export
 * scripts use, so Java and PyTorch feed the model the same numbers.
 */
public final class RgbPreprocessor {

    private final int height;
    private final int width;
    private final float[] mean;
    private final float[] std;
    /** Per channel, the normalised value of each byte: the no-resize path is a table lookup. */
    private final float[][] byteToInput;

    public RgbPreprocessor(int height, int width, List<Double> mean, List<Double> std) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("target size must be positive, was " + width + "x" + height);
        }
        if (mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException("mean and std need 3 values each");
        }
        this.height = height;
        this.width = width;
        this.mean = new float[3];
        this.std = new float[3];
        this.byteToInput = new float[3][256];
        for (int c = 0; c < 3; c++) {
            this.mean[c] = mean.get(c).floatValue();
            this.std[c] = std.get(c).floatValue();
            for (int v = 0; v < 256; v++) {
                byteToInput[c][v] = normalise(v / 255f, c);
            }
        }
    }

    public static RgbPreprocessor forEncoder(EncoderGeometry geometry, ModelManifest manifest) {
        return new RgbPreprocessor(geometry.imageHeight(), geometry.imageWidth(), manifest.mean(), manifest.std());
    }

    /** [3 * height * width] floats, channel planes R, G, B, each row-major, top row first. */
    public float[] toChw(RgbImage image) {
        float[] out = new float[3 * height * width];
        if (image.width() == width && image.height() == height) {
            copyNormalised(image.data(), out);
        } else {
            resizeNormalised(image, out);
        }
        return out;
    }

    private float normalise(float unit, int channel) {
        return (unit - mean[channel]) / std[channel];
    }

    private void copyNormalised(byte[] hwc, float[] out) {
        int plane = height * width;
        for (int pixel = 0, src = 0; pixel < plane; pixel++, src += 3) {
            out[pixel] = byteToInput[0][hwc[src] & 0xFF];
            out[plane + pixel] = byteToInput[1][hwc[src + 1] & 0xFF];
            out[2 * plane + pixel] = byteToInput[2][hwc[src + 2] & 0xFF];
        }
    }

    private void resizeNormalised(RgbImage image, float[] out) {
        SampleAxis rows = SampleAxis.of(image.height(), height);
        SampleAxis cols = SampleAxis.of(image.width(), width);
        byte[] hwc = image.data();
        int stride = image.width() * 3;
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            int top = rows.low[y] * stride;
            int bottom = rows.high[y] * stride;
            float wTop = rows.lowWeight[y];
            float wBottom = rows.highWeight[y];
            for (int x = 0; x < width; x++) {
                int left = cols.low[x] * 3;
                int right = cols.high[x] * 3;
                float wLeft = cols.lowWeight[x];
                float wRight = cols.highWeight[x];
                int pixel = y * width + x;
                for (int c = 0; c < 3; c++) {
                    float upper = wLeft * unit(hwc[top + left + c]) + wRight * unit(hwc[top + right + c]);
                    float lower = wLeft * unit(hwc[bottom + left + c]) + wRight * unit(hwc[bottom + right + c]);
                    out[c * plane + pixel] = normalise(wTop * upper + wBottom * lower, c);
                }
            }
        }
    }

    private static float unit(byte value) {
        return (value & 0xFF) / 255f;
    }

    /** For each output index along one axis: the two source indices and their weights. */
    private record SampleAxis(int[] low, int[] high, float[] lowWeight, float[] highWeight) {

        static SampleAxis of(int inSize, int outSize) {
            int[] low = new int[outSize];
            int[] high = new int[outSize];
            float[] lowWeight = new float[outSize];
            float[] highWeight = new float[outSize];
            float scale = (float) inSize / outSize;
            for (int i = 0; i < outSize; i++) {
                // Half-pixel centres; PyTorch clamps negative source positions to 0.
                float source = Math.max(0f, (i + 0.5f) * scale - 0.5f);
                int index = Math.min((int) source, inSize - 1);
                low[i] = index;
                high[i] = index < inSize - 1 ? index + 1 : index;
                highWeight[i] = source - index;
                lowWeight[i] = 1f - highWeight[i];
            }
            return new SampleAxis(low, high, lowWeight, highWeight);
        }
    }
}
