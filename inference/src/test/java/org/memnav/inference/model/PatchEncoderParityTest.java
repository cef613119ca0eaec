package org.memnav.inference.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.memnav.simbridge.api.RgbImage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped encoder in ONNX Runtime Java reproduces PyTorch's output on the export script's fixtures. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatchEncoderParityTest {

    private static final double TOLERANCE = 1e-4;

    record ParityCase(@JsonProperty("name") String name, @JsonProperty("image") String image,
                      @JsonProperty("width") int width, @JsonProperty("height") int height,
                      @JsonProperty("tokens") String tokens, @JsonProperty("tokens_shape") List<Integer> tokensShape) {
    }

    record ParityFixtures(@JsonProperty("model_sha256") String modelSha256, @JsonProperty("cases") List<ParityCase> cases) {
    }

    private PatchEncoder encoder;
    private ParityFixtures fixtures;

    @BeforeAll
    void open() throws IOException {
        encoder = PatchEncoder.open(TestModels.shippedEncoderManifest(), new InferenceRuntime());
        fixtures = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(TestModels.fixture("encoder_parity.json").toFile(), ParityFixtures.class);
    }

    @AfterAll
    void close() {
        encoder.close();
    }

    @Test
    void fixturesWereMadeFromTheShippedModel() {
        assertThat(fixtures.modelSha256())
                .as("fixtures are stale: rerun inference/training/export_encoder.py")
                .isEqualTo(encoder.manifest().sha256());
    }

    @Test
    void nativeSizeFrameMatchesPyTorch() throws IOException {
        assertParity(caseNamed("native"));
    }

    @Test
    void resizedFrameMatchesPyTorch() throws IOException {
        assertParity(caseNamed("resized"));
    }

    private ParityCase caseNamed(String name) {
        return fixtures.cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void assertParity(ParityCase parity) throws IOException {
        RgbImage image = new RgbImage(parity.width(), parity.height(), Files.readAllBytes(TestModels.fixture(parity.image())));
        float[] expected = readFloats(parity.tokens());

        PatchTokens tokens = encoder.encode(image);

        assertThat(List.of(tokens.tokenCount(), tokens.dim())).isEqualTo(parity.tokensShape());
        assertThat(tokens.data()).hasSize(expected.length);
        double maxAbsDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            maxAbsDiff = Math.max(maxAbsDiff, Math.abs(tokens.data()[i] - expected[i]));
        }
        System.out.printf("encoder parity %s (%dx%d): max |ORT - PyTorch| = %.3g%n",
                parity.name(), parity.width(), parity.height(), maxAbsDiff);
        assertThat(maxAbsDiff).as("max abs difference to PyTorch, case " + parity.name()).isLessThan(TOLERANCE);
    }

    private static float[] readFloats(String fixture) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(TestModels.fixture(fixture))).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
