package org.memnav.inference.agent;

import org.memnav.inference.model.PatchEncoder;
import org.memnav.inference.model.PatchTokens;
import org.memnav.simbridge.api.RgbImage;

/** The agent's frame encoder backed by the ONNX patch encoder (patch tokens go to memory as they are). */
public final class OnnxFrameEncoder implements FrameEncoder {

    private final PatchEncoder encoder;

    public OnnxFrameEncoder(PatchEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public EncodedFrame encode(RgbImage rgb) {
        PatchTokens tokens = encoder.encode(rgb);
        return new EncodedFrame(tokens.tokenCount(), tokens.dim(), tokens.data(), encoder.lastLatencyMillis());
    }

    @Override
    public String executionProvider() {
        return encoder.provider().label();
    }

    @Override
    public String modelName() {
        return encoder.name();
    }
}
