package org.memnav.inference.pipeline;

import org.junit.jupiter.api.Test;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.ModelException;
import org.memnav.inference.model.ModelLocator;
import org.memnav.inference.model.RuntimeSettings;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryPipelineTest {

    private static final ModelLocator MODELS = ModelLocator.inProjectRoot(Path.of(".."));
    private static final InferenceRuntime RUNTIME = new InferenceRuntime(RuntimeSettings.defaults().cpuOnly());

    @Test
    void theShippedModelsFitTogetherAtEveryRate() {
        for (int rate : new int[] {1, 4, 16, 64}) {
            try (MemoryPipeline p = MemoryPipeline.open(PipelineManifests.shipped(MODELS, rate), RUNTIME, () -> null)) {
                assertThat(p.rate()).isEqualTo(rate);
                assertThat(p.policy().spec().tokensPerFrame()).isEqualTo(256 / rate);
                assertThat(p.executionProvider()).isEqualTo("CPU");
            }
        }
    }

    @Test
    void aPolicyForAnotherRateIsRefusedNamingBothModels() {
        PipelineManifests shipped = PipelineManifests.shipped(MODELS, 16);
        PipelineManifests mixed = new PipelineManifests(shipped.encoder(), shipped.compressor(), shipped.categoryGoal(),
                shipped.textGoal(), MODELS.manifest("policy_r4"));
        assertThatThrownBy(() -> MemoryPipeline.open(mixed, RUNTIME, () -> null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("policy_r4").hasMessageContaining("compressor_r16");
    }

    @Test
    void aMissingModelIsNamed() {
        assertThatThrownBy(() -> PipelineManifests.shipped(MODELS, 2))
                .isInstanceOf(ModelException.class).hasMessageContaining("compressor_r2");
    }
}
