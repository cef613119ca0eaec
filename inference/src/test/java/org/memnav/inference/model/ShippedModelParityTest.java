package org.memnav.inference.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ONNX Runtime Java against PyTorch for every shipped model after the encoder (whose parity
 * PatchEncoderParityTest checks through the full preprocessing): the compressors at every rate, the
 * goal heads and the policies, on the fixed inputs the export scripts stored as fixtures.
 */
class ShippedModelParityTest {

    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"compressor_r1", "compressor_r4", "compressor_r16", "compressor_r64", "goal_category",
            "goal_text", "policy_r1", "policy_r4", "policy_r16", "policy_r64"})
    void onnxRuntimeMatchesPyTorch(String name) throws Exception {
        ParityFixture fixture = ParityFixture.read(name);
        Path manifest = ModelLocator.inProjectRoot(TestModels.PROJECT_ROOT).manifest(name);
        assertThat(ModelManifest.read(manifest).sha256())
                .as("the fixture was written for the shipped %s; re-run its training script's export", name)
                .isEqualTo(fixture.modelSha256());
        try (ModelSession session = ModelSession.open(manifest, new InferenceRuntime(RuntimeSettings.defaults().cpuOnly()))) {
            Map<String, OutputTensor> out = session.run(fixture.inputs());
            for (Map.Entry<String, float[]> expected : fixture.outputs().entrySet()) {
                OutputTensor actual = out.get(expected.getKey());
                assertThat(actual.shape()).isEqualTo(fixture.outputShapes().get(expected.getKey()));
                double diff = ParityFixture.maxAbsDiff(actual.values(), expected.getValue());
                System.out.printf("%s.%s: max |ORT - PyTorch| = %.2e over %d values%n", name, expected.getKey(), diff,
                        expected.getValue().length);
                assertThat(diff).as(name + "." + expected.getKey() + " " + Arrays.toString(actual.shape())).isLessThan(TOLERANCE);
            }
        }
    }
}
