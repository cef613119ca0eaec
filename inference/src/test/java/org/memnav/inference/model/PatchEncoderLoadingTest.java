package org.memnav.inference.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.simbridge.api.RgbImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Loading errors name the model, the file and the tensor; bad outputs never leave the encoder. */
class PatchEncoderLoadingTest {

    @TempDir
    Path dir;

    private final InferenceRuntime runtime = new InferenceRuntime();

    @Test
    void opensTheShippedEncoderOnCpu() {
        try (PatchEncoder encoder = PatchEncoder.open(TestModels.shippedEncoderManifest(), runtime)) {
            assertThat(encoder.name()).isEqualTo("encoder_vit_tiny");
            assertThat(encoder.provider().label()).isEqualTo("CPU");
            assertThat(Double.isNaN(encoder.lastLatencyMillis())).isTrue();

            PatchTokens tokens = encoder.encode(uniform(256, 256, (byte) 90));

            assertThat(tokens.gridRows()).isEqualTo(16);
            assertThat(tokens.gridCols()).isEqualTo(16);
            assertThat(tokens.dim()).isEqualTo(encoder.geometry().tokenDim());
            assertThat(encoder.lastLatencyMillis()).isPositive();
        }
    }

    @Test
    void manifestWhoseOutputShapeDisagreesWithTheModelNamesTheTensor() throws IOException {
        // Token width 64 is self-consistent in the manifest but not what the ONNX graph produces.
        Path manifest = copyOfShippedEncoder(json -> json
                .replaceFirst("\"token_dim\": \\d+", "\"token_dim\": 64")
                .replaceFirst("(\"outputs\":[^\\]]*\\[\\s*1,\\s*256,\\s*)\\d+", "$164"));

        assertThatThrownBy(() -> PatchEncoder.open(manifest, runtime))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model 'encoder_vit_tiny'")
                .hasMessageContaining("output 'patch_tokens' has shape [1, 256, ")
                .hasMessageContaining("[1, 256, 64] in the manifest");
    }

    @Test
    void manifestWithAnotherInputNameNamesBothNames() throws IOException {
        Path manifest = copyOfShippedEncoder(json -> json.replace("\"name\": \"rgb\"", "\"name\": \"pixels\""));

        assertThatThrownBy(() -> PatchEncoder.open(manifest, runtime))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model 'encoder_vit_tiny'")
                .hasMessageContaining("inputs the ONNX file has [rgb], the manifest declares [pixels]");
    }

    @Test
    void missingModelFileGivesItsPath() throws IOException {
        Path manifest = dir.resolve("encoder_vit_tiny.json");
        Files.copy(TestModels.shippedEncoderManifest(), manifest);

        assertThatThrownBy(() -> PatchEncoder.open(manifest, runtime))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("not found: " + dir.resolve("encoder_vit_tiny.onnx"))
                .hasMessageContaining("field 'file'");
    }

    @Test
    void modelFileThatIsNotTheOneInTheManifestIsRejected() throws IOException {
        Path manifest = copyOfShippedEncoder(json -> json);
        Files.write(dir.resolve("encoder_vit_tiny.onnx"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> PatchEncoder.open(manifest, runtime))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("field 'sha256'")
                .hasMessageContaining(dir.resolve("encoder_vit_tiny.onnx").toString());
    }

    @Test
    void corruptModelWithoutDigestIsReportedByOnnxRuntime() throws IOException {
        Path manifest = copyOfShippedEncoder(json -> json.replaceFirst(",\\s*\"sha256\": \"[0-9a-f]+\"", ""));
        Files.write(dir.resolve("encoder_vit_tiny.onnx"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> PatchEncoder.open(manifest, runtime))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model 'encoder_vit_tiny': ONNX Runtime cannot load");
    }

    @Test
    void nanOutputIsRejectedNamingModelAndTensor() {
        try (PatchEncoder encoder = PatchEncoder.open(TestModels.fixture("nan_encoder.json"), runtime)) {
            // The fixture outputs sqrt(normalised input): black normalises below zero.
            assertThatThrownBy(() -> encoder.encode(uniform(32, 32, (byte) 0)))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("model 'nan_encoder'")
                    .hasMessageContaining("output 'patch_tokens' has 3072 NaN");
        }
    }

    @Test
    void sameModelOnAFrameGivingFiniteOutputPasses() {
        try (PatchEncoder encoder = PatchEncoder.open(TestModels.fixture("nan_encoder.json"), runtime)) {
            PatchTokens tokens = encoder.encode(uniform(64, 48, (byte) 255));

            assertThat(tokens.tokenCount()).isEqualTo(4);
            assertThat(tokens.dim()).isEqualTo(768);
            float expectedRed = (float) Math.sqrt((1f - 0.485f) / 0.229f);
            assertThat(tokens.value(0, 0, 0)).isCloseTo(expectedRed, offset(1e-5f));
        }
    }

    private Path copyOfShippedEncoder(UnaryOperator<String> edit) throws IOException {
        Path shipped = TestModels.shippedEncoderManifest();
        Path manifest = dir.resolve("encoder_vit_tiny.json");
        Files.writeString(manifest, edit.apply(Files.readString(shipped)));
        Files.copy(ModelManifest.read(shipped).modelFile(shipped), dir.resolve("encoder_vit_tiny.onnx"));
        return manifest;
    }

    private static RgbImage uniform(int width, int height, byte value) {
        byte[] data = new byte[width * height * 3];
        Arrays.fill(data, value);
        return new RgbImage(width, height, data);
    }
}
