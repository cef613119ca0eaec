package org.memnav.app.replay;

/**
 * The compression panel's figures at a moment: tokens per frame before and after the compressor, what memory
 * holds, and what a native VLM would spend on the same camera frame (Qwen2.5-VL: one token per 28x28 pixels).
 */
public record CompressionFigures(int rate, int rawTokensPerFrame, int compressedTokensPerFrame, int frames, long memoryTokens,
                                 long memoryBytes, long rawMemoryTokens, int nativeVlmTokensPerFrame, int sensorWidth,
                                 int sensorHeight) {

    /** Patch tokens of the shipped encoder: 16x16 patches of a 256x256 frame. */
    public static final int ENCODER_TOKENS = 256;

    public static CompressionFigures at(RunMoment moment, RunHistory.RunSetup setup) {
        int rate = Math.max(1, setup.rate());
        int compressed = moment.memory().isEmpty() ? ENCODER_TOKENS / rate : (int) moment.memory().getFirst().tokens();
        int raw = compressed * rate;
        return new CompressionFigures(rate, raw, compressed, moment.memory().size(), moment.memoryTokens(), moment.memoryBytes(),
                (long) raw * moment.memory().size(), nativeVlmTokens(setup.sensorWidth(), setup.sensorHeight()),
                setup.sensorWidth(), setup.sensorHeight());
    }

    /** Qwen2.5-VL's visual tokens for a {@code width}x{@code height} image: ceil(H/28) * ceil(W/28). */
    public static int nativeVlmTokens(int width, int height) {
        return ((height + 27) / 28) * ((width + 27) / 28);
    }

    /** How many times fewer tokens memory holds than the encoder produced for the same frames. */
    public double ratio() {
        return memoryTokens == 0 ? rate : rawMemoryTokens / (double) memoryTokens;
    }
}
