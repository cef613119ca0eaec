package org.memnav.app.ui;

import org.junit.jupiter.api.Test;
import org.memnav.app.session.ProjectPaths;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.arms.AgentArms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "New run…" dialog's state without a window: arms from the registry, settings built, a run started with them. */
class NewRunViewModelTest {

    private static final RunSettings TEMPLATE = new RunSettings(null, "procedural:office?seed=12", 7, 1, 1, 50,
            ProjectPaths.defaultEncoderManifest(), null, AgentArms.SEMANTIC_SENSOR, 16);

    @Test
    void armsComeFromTheRegistryWithTheirDescriptions() {
        AgentArms registry = AgentArms.standard();
        NewRunViewModel model = new NewRunViewModel(TEMPLATE, registry);
        assertThat(model.arms()).extracting(NewRunViewModel.ArmChoice::name).containsExactlyElementsOf(registry.names());
        for (NewRunViewModel.ArmChoice c : model.arms()) {
            assertThat(c.description()).isEqualTo(registry.get(c.name()).description());
        }
        assertThat(model.armProperty().get().name()).isEqualTo(AgentArms.SEMANTIC_SENSOR);   // the template's arm first
        assertThat(model.armDescriptionProperty().get()).startsWith(registry.get(AgentArms.SEMANTIC_SENSOR).description());
        assertThat(model.sceneKindProperty().get()).isEqualTo("office");
        assertThat(model.sceneSeedProperty().get()).isEqualTo(12);
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void theChosenSettingsBecomeTheRunsSettings() {
        NewRunViewModel model = new NewRunViewModel(TEMPLATE, AgentArms.standard());
        NewRunViewModel.ArmChoice other = model.arms().stream().filter(a -> !a.name().equals(AgentArms.SEMANTIC_SENSOR)).findFirst()
                .orElseThrow();
        model.armProperty().set(other);
        model.rateProperty().set(64);
        model.memoryLengthProperty().set(8);
        model.sceneKindProperty().set("apartment");
        model.sceneSeedProperty().set(3);

        RunSettings s = model.settings();
        assertThat(s.agent()).isEqualTo(other.name());
        assertThat(s.rate()).isEqualTo(64);
        assertThat(s.memoryLength()).isEqualTo(8);
        assertThat(s.sceneRef()).isEqualTo("procedural:apartment?seed=3");
        assertThat(s.episodes()).isEqualTo(TEMPLATE.episodes());
        assertThat(s.encoderManifest()).isEqualTo(TEMPLATE.encoderManifest());

        model.memoryLengthProperty().set(0);
        assertThat(model.problemProperty().get()).contains("memory length");
        assertThatThrownBy(model::settings).hasMessageContaining("memory length");
    }

    @Test
    void startingTheChosenRunShowsItsArmAndScene() {
        NewRunViewModel model = new NewRunViewModel(TEMPLATE, AgentArms.standard());
        model.sceneKindProperty().set("apartment");
        model.sceneSeedProperty().set(7);
        model.rateProperty().set(4);
        model.memoryLengthProperty().set(10);
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.start(model.settings());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runDescriptionProperty().get()).contains("apartment-7").contains("agent " + AgentArms.SEMANTIC_SENSOR)
                .contains("rate 4x").contains("memory 10 frames");
        assertThat(vm.runTemplate().memoryLength()).isEqualTo(10);             // the next "New run…" starts from it
    }

    @Test
    void aMemoryStrategyArmStartsAndItsOperationsReachTheInspector() {
        NewRunViewModel model = new NewRunViewModel(TEMPLATE, AgentArms.standard());
        model.armProperty().set(model.arms().stream().filter(a -> a.name().equals("gate")).findFirst().orElseThrow());
        model.memoryLengthProperty().set(20);
        WorkbenchViewModel vm = new WorkbenchViewModel(new SameThreadTaskExecutor(), Runnable::run);
        vm.lastStepProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 40) {
                vm.stop(); // enough steps for the gate to judge several frames
            }
        });
        vm.start(model.settings());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runDescriptionProperty().get()).contains("agent gate");
        assertThat(vm.memoryOperationsProperty().get()).anySatisfy(op -> assertThat(op.kind())
                .isEqualTo(org.memnav.recordings.MemoryOperation.Kind.SKIP));
        var inspection = vm.snapshotProperty().get().inspection();
        assertThat(inspection.arm()).isEqualTo("gate");
        assertThat(inspection.writes().skips()).isPositive();
        assertThat(inspection.sections()).anySatisfy(s -> assertThat(s.title()).isEqualTo("Write policy"));
    }
}
