package org.memnav.inference.agent;

import org.memnav.simbridge.api.RgbImage;

/** Turns a camera frame into visual tokens for memory (the ONNX patch encoder in production). */
public interface FrameEncoder {

    /** Tokens of one frame, row-major [tokens, dim], with the time the model took. */
    record EncodedFrame(int tokens, int dim, float[] data, double latencyMs) {
    }

    EncodedFrame encode(RgbImage rgb);

    /** Execution provider the encoder runs on ("CPU", "CUDA"), for the status line and run config. */
    String executionProvider();

    String modelName();
}
