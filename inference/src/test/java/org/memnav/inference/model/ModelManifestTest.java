package org.memnav.inference.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelManifestTest {

    @TempDir
    Path dir;

    @Test
    void readsTheShippedEncoderManifest() {
        Path path = TestModels.shippedEncoderManifest();

        ModelManifest manifest = ModelManifest.read(path);
        EncoderGeometry geometry = EncoderGeometry.of(manifest, path);

        assertThat(manifest.name()).isEqualTo("encoder_vit_tiny");
        assertThat(manifest.kind()).isEqualTo("encoder");
        assertThat(manifest.inputs()).containsExactly(new TensorSpec("rgb", "float32", List.of(1L, 3L, 256L, 256L)));
        assertThat(manifest.outputs().get(0).name()).isEqualTo("patch_tokens");
        assertThat(manifest.modelFile(path)).isEqualTo(path.toAbsolutePath().getParent().resolve("encoder_vit_tiny.onnx").normalize());
        assertThat(manifest.training().script()).isIn("inference/training/export_encoder.py", "inference/training/train_encoder.py");
        assertThat(manifest.parameters()).isPositive();
        assertThat(geometry.gridRows()).isEqualTo(16);
        assertThat(geometry.gridCols()).isEqualTo(16);
        assertThat(geometry.patchSize()).isEqualTo(16);
        assertThat(geometry.tokenDim()).isEqualTo(manifest.tokenDim());
        assertThat(manifest.outputs().get(0).shape()).containsExactly(1L, 256L, (long) geometry.tokenDim());
    }

    @Test
    void missingManifestNamesThePath() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> ModelManifest.read(missing))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("manifest not found")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
        Path path = write("broken.json", "{\"name\": ");

        assertThatThrownBy(() -> ModelManifest.read(path))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void missingFieldNamesFileAndField() throws IOException {
        Path path = write("no_file.json", shippedJson().replace("\"file\"", "\"filename\""));

        assertThatThrownBy(() -> ModelManifest.read(path))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("field 'file' is missing");
    }

    @Test
    void unknownDtypeNamesTheTensorField() throws IOException {
        Path path = write("dtype.json", shippedJson().replaceFirst("\"float32\"", "\"float31\""));

        assertThatThrownBy(() -> ModelManifest.read(path))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("field 'inputs[0].dtype'")
                .hasMessageContaining("float31");
    }

    @Test
    void wrongJsonTypeNamesTheField() throws IOException {
        Path path = write("grid.json", shippedJson().replaceFirst("\"patch_size\": 16", "\"patch_size\": \"sixteen\""));

        assertThatThrownBy(() -> ModelManifest.read(path))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("field 'patch_size'");
    }

    @Test
    void badShapeEntryNamesTheIndex() throws IOException {
        Path path = write("shape.json", shippedJson().replaceFirst("\"shape\": \\[\\s*1,", "\"shape\": [0,"));

        assertThatThrownBy(() -> ModelManifest.read(path))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("field 'inputs[0].shape[0]' is 0");
    }

    @Test
    void gridThatDoesNotFitImageSizeIsRejected() throws IOException {
        Path path = write("geometry.json", shippedJson().replaceFirst("\"patch_size\": 16", "\"patch_size\": 8"));
        ModelManifest manifest = ModelManifest.read(path);

        assertThatThrownBy(() -> EncoderGeometry.of(manifest, path))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining("field 'grid'");
    }

    @Test
    void nonEncoderKindIsRejectedAsEncoder() throws IOException {
        Path path = write("kind.json", shippedJson().replace("\"kind\": \"encoder\"", "\"kind\": \"compressor\""));
        ModelManifest manifest = ModelManifest.read(path);

        assertThatThrownBy(() -> EncoderGeometry.of(manifest, path))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("field 'kind' is 'compressor'");
    }

    @Test
    void dynamicDimensionsAcceptAnySize() {
        TensorSpec spec = new TensorSpec("rgb", "float32", List.of(TensorSpec.DYNAMIC, 3L, 256L, 256L));

        assertThat(spec.acceptsShape(new long[] {4, 3, 256, 256})).isTrue();
        assertThat(spec.acceptsShape(new long[] {1, 3, 224, 224})).isFalse();
        assertThat(spec.acceptsShape(new long[] {1, 3, 256})).isFalse();
        assertThat(new TensorSpec("rgb", "float32", List.of(1L, 3L, 256L, 256L)).acceptsShape(new long[] {-1, 3, 256, 256})).isTrue();
    }

    private static String shippedJson() throws IOException {
        return Files.readString(TestModels.shippedEncoderManifest());
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }
}
