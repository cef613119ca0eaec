package org.memnav.app.cli;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eval and dataset commands' argument checks, which fail before any episode runs. The
 * evaluations themselves are long and are run as commands, never in the test suite.
 */
class EvalCommandTest {


    private static CommandOutcome memnav(String... args) {
        return CommandOutcome.execute(args);
    }

    @Test
    void helpListsTheArmsAndTheSweep() {
        CommandOutcome help = memnav("eval", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--arms").contains("astranav").contains("frontier").contains("--sweep").contains("--json");
    }

    @Test
    void anUnknownArmFailsWithOneLineNamingTheKnownOnes() {
        CommandOutcome r = memnav("eval", "--arms", "astranav,oracle");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("memnav: ").contains("'oracle'").contains("frontier");
    }

    @Test
    void evaluationRefusesScenesOutsideTheHeldOutSet() {
        CommandOutcome r = memnav("eval", "--first-seed", "1000", "--episodes", "1");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("1000").contains("held-out");
    }

    @Test
    void trainingDataRefusesHeldOutSeeds() {
        CommandOutcome r = memnav("dataset", "export", "--first-seed", "900000", "--scenes", "1", "--out", "unused");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("900000").contains("held-out");
    }
}
