package org.memnav.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eval and dataset commands' argument checks, which fail before any episode runs. The
 * evaluations themselves are long and are run as commands, never in the test suite.
 */
class EvalCommandTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result memnav(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MemnavCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void helpListsTheArmsAndTheSweep() {
        Result help = memnav("eval", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--arms").contains("astranav").contains("frontier").contains("--sweep").contains("--json");
    }

    @Test
    void anUnknownArmFailsWithOneLineNamingTheKnownOnes() {
        Result r = memnav("eval", "--arms", "astranav,oracle");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("memnav: ").contains("'oracle'").contains("frontier");
    }

    @Test
    void evaluationRefusesScenesOutsideTheHeldOutSet() {
        Result r = memnav("eval", "--first-seed", "1000", "--episodes", "1");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("1000").contains("held-out");
    }

    @Test
    void trainingDataRefusesHeldOutSeeds() {
        Result r = memnav("dataset", "export", "--first-seed", "900000", "--scenes", "1", "--out", "unused");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("900000").contains("held-out");
    }
}
