package org.memnav.inference.arms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentArmsTest {

    @Test
    void everyMemoryStrategyIsANamedArmWithAOneLineDescription() {
        AgentArms arms = AgentArms.standard();
        assertThat(arms.names()).containsExactly("astranav", "frontier", "periodic", "random", "gate", "recurrent", "tools",
                "tiers", "trigger", "semantic-sensor");
        for (String name : arms.names()) {
            assertThat(arms.get(name).description()).isNotBlank().doesNotContain("\n");
        }
        assertThatThrownBy(() -> arms.get("gated")).hasMessageContaining("unknown agent arm 'gated'").hasMessageContaining("tiers");
    }

    @Test
    void theBudgetSetsThePeriodicInterval() {
        assertThat(new ArmSettings(16, 50, 0.25).writeEverySteps()).isEqualTo(4);
        assertThat(new ArmSettings(16, 50).writeEverySteps()).isEqualTo(16);
        assertThatThrownBy(() -> new ArmSettings(16, 50, 0)).hasMessageContaining("write budget");
    }
}
