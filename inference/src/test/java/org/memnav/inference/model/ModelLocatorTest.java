package org.memnav.inference.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelLocatorTest {

    @Test
    void findsTheShippedEncoderUnderTheProjectRoot() {
        ModelLocator locator = ModelLocator.inProjectRoot(TestModels.PROJECT_ROOT);

        Path manifest = locator.defaultEncoderManifest();

        assertThat(manifest).endsWith(Path.of("inference", "models", "encoder_vit_tiny.json"));
        assertThat(Files.isRegularFile(manifest)).isTrue();
        assertThat(locator.manifests()).contains(manifest);
    }

    @Test
    void overrideFolderWins(@TempDir Path models) {
        assertThat(ModelLocator.withOverride(Path.of("/somewhere"), models.toString()).modelsDir()).isEqualTo(models);
        assertThat(ModelLocator.withOverride(Path.of("/somewhere"), " ").modelsDir()).isEqualTo(Path.of("/somewhere/inference/models"));
    }

    @Test
    void missingManifestNamesThePathAndWhatExists(@TempDir Path models) throws Exception {
        Files.writeString(models.resolve("other_encoder.json"), "{}");
        ModelLocator locator = new ModelLocator(models);

        assertThatThrownBy(locator::defaultEncoderManifest)
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(models.resolve("encoder_vit_tiny.json").toString())
                .hasMessageContaining("[other_encoder]")
                .hasMessageContaining("memnav.models.dir");
    }
}
