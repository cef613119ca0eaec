package org.memnav.inference.model;

import ai.onnxruntime.OrtProvider;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InferenceRuntimeTest {

    @Test
    void thisMachineRunsOnCpuAndSaysWhy() {
        // The project ships the CPU onnxruntime artifact and CI has no GPU.
        ProviderChoice choice = new InferenceRuntime().preferredProvider();

        assertThat(choice.label()).isEqualTo("CPU");
        assertThat(choice.reason()).contains("no CUDA provider").contains("CPU");
    }

    @Test
    void cudaIsPreferredWhenTheBuildOffersIt() {
        ProviderChoice choice = InferenceRuntime.preferredProvider(EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA), true);

        assertThat(choice.provider()).isEqualTo(ExecutionProvider.CUDA);
    }

    @Test
    void cudaCanBeSwitchedOff() {
        ProviderChoice choice = InferenceRuntime.preferredProvider(EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA), false);

        assertThat(choice.provider()).isEqualTo(ExecutionProvider.CPU);
        assertThat(choice.reason()).contains("disabled");
    }

    @Test
    void defaultsToOneIntraOpThread() {
        assertThat(RuntimeSettings.defaults().intraOpThreads()).isEqualTo(1);
        assertThat(RuntimeSettings.defaults().withIntraOpThreads(2).intraOpThreads()).isEqualTo(2);
        assertThatThrownBy(() -> RuntimeSettings.defaults().withIntraOpThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
