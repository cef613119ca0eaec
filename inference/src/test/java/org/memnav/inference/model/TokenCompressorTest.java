package org.memnav.inference.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCompressorTest {

    private static final InferenceRuntime RUNTIME = new InferenceRuntime(RuntimeSettings.defaults().cpuOnly());
    private static final EncoderGeometry SHIPPED_ENCODER = new EncoderGeometry(256, 256, 16, 16, 16, 128);

    private static Path shipped(String name) {
        return ModelLocator.inProjectRoot(TestModels.PROJECT_ROOT).manifest(name);
    }

    @Test
    void aGridThatNeedsPaddingMatchesPyTorchThroughTheJavaClass() throws Exception {
        // 5x3 grid of 8-d tokens at rate 4: padded to 6x4, 3x2 = 6 tokens out
        ParityFixture fixture = ParityFixture.read("compressor_pad5x3_r4");
        EncoderGeometry encoder = new EncoderGeometry(80, 48, 16, 5, 3, 8);
        try (TokenCompressor c = TokenCompressor.open(TestModels.fixture("compressor_pad5x3_r4.json"), RUNTIME, encoder)) {
            assertThat(c.geometry().outputTokens()).isEqualTo(6);
            CompressedFrame out = c.compress(new PatchTokens(5, 3, 8, fixture.inputs().get(0).floats()));
            assertThat(out.tokens().gridRows()).isEqualTo(3);
            assertThat(out.tokens().gridCols()).isEqualTo(2);
            assertThat(ParityFixture.maxAbsDiff(out.tokens().data(), fixture.outputs().get("tokens"))).isLessThan(1e-5);
            assertThat(ParityFixture.maxAbsDiff(out.imageGoal(), fixture.outputs().get("image_goal"))).isLessThan(1e-5);
        }
    }

    @Test
    void shippedCompressorsCutTheTokensByTheirRate() {
        for (int rate : new int[] {1, 4, 16, 64}) {
            try (TokenCompressor c = TokenCompressor.open(shipped("compressor_r" + rate), RUNTIME, SHIPPED_ENCODER)) {
                float[] tokens = new float[256 * 128];
                Arrays.fill(tokens, 0.1f);
                CompressedFrame out = c.compress(new PatchTokens(16, 16, 128, tokens));
                assertThat(out.tokens().tokenCount()).isEqualTo(256 / rate);
                assertThat(out.rate()).isEqualTo(rate);
                assertThat(c.geometry().bytesPerFrame(out.tokens().dim())).isEqualTo(256L / rate * out.tokens().dim() * 4);
            }
        }
    }

    @Test
    void aCompressorForAnotherEncoderIsRefusedAtLoadNamingBoth() {
        EncoderGeometry otherEncoder = new EncoderGeometry(224, 224, 16, 14, 14, 128);
        assertThatThrownBy(() -> TokenCompressor.open(shipped("compressor_r16"), RUNTIME, otherEncoder))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("compressor_r16").hasMessageContaining("14x14");
    }

    @Test
    void manifestsThatDisagreeWithTheRateNameTheField(@TempDir Path dir) throws Exception {
        Path original = shipped("compressor_r16");
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(original.toFile());
        ((ObjectNode) manifest.get("compressor")).putArray("output_grid").add(2).add(2);
        manifest.put("file", original.resolveSibling("compressor_r16.onnx").toAbsolutePath().toString());
        Path edited = dir.resolve("compressor_r16.json");
        json.writeValue(edited.toFile(), manifest);
        assertThatThrownBy(() -> TokenCompressor.open(edited, RUNTIME, SHIPPED_ENCODER))
                .hasMessageContaining("compressor.output_grid").hasMessageContaining("[4, 4]");

        manifest.put("file", dir.resolve("missing.onnx").toString());
        ((ObjectNode) manifest.get("compressor")).putArray("output_grid").add(4).add(4);
        json.writeValue(edited.toFile(), manifest);
        assertThatThrownBy(() -> TokenCompressor.open(edited, RUNTIME, SHIPPED_ENCODER))
                .hasMessageContaining("not found").hasMessageContaining("missing.onnx");
    }

    @Test
    void nanInTheOutputStopsWithTheModelAndTensorNamed() {
        try (TokenCompressor c = TokenCompressor.open(shipped("compressor_r4"), RUNTIME, SHIPPED_ENCODER)) {
            float[] tokens = new float[256 * 128];
            tokens[5] = Float.NaN;
            assertThatThrownBy(() -> c.compress(new PatchTokens(16, 16, 128, tokens)))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("compressor_r4").hasMessageContaining("'tokens'").hasMessageContaining("NaN");
        }
    }
}
