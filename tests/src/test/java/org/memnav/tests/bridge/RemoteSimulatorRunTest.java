package org.memnav.tests.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.cli.CommandOutcome;
import org.memnav.recordings.RunRecording;

/**
 * {@code memnav run --sim tcp://...} against the Python grid-world server, exactly as a user types it:
 * a healthy run finishes and records, and a simulator that dies mid-run ends the command with a
 * one-line reason naming the simulator while the recording keeps every step made so far.
 */
@Timeout(180)
class RemoteSimulatorRunTest {
    private static final String SCENE = "gridworld:rooms?seed=3";


    private static CommandOutcome memnav(String... args) {
        return CommandOutcome.execute(args);
    }

    @Test
    void aRunAgainstThePythonServerFinishesAndIsRecorded(@TempDir Path dir) throws Exception {
        Path mcap = dir.resolve("python.mcap");
        try (PythonGridWorldProcess server = PythonGridWorldProcess.start("--width", "128", "--height", "128")) {
            CommandOutcome r = memnav("run", "--headless", "--sim", server.endpoint().toString(), "--scene", SCENE, "--episodes", "1",
                    "--subtasks", "1", "--seed", "3", "--out", mcap.toString(), "--json");
            assertThat(r.exit()).as(r.err() + server.stderr()).isZero();
            List<String> lines = r.out().lines().toList();
            JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            int steps = summary.get("steps").asInt();
            assertThat(steps).isPositive();
            assertThat(summary.get("subtasks").asInt()).isEqualTo(1);
            assertThat(r.err()).contains(server.endpoint().toString());
            try (RunRecording rec = RunRecording.open(mcap)) {
                assertThat(rec.complete()).isTrue();
                assertThat(rec.poses()).hasSize(steps + 1);
                assertThat(rec.actions()).hasSize(steps);
                assertThat(rec.config().settings().get("simulator")).isEqualTo(server.endpoint().toString());
            }
        }
    }

    @Test
    void aSimulatorKilledMidRunEndsTheRunWithOneLineNamingItAndTheRecordingKeepsEveryStep(@TempDir Path dir)
            throws Exception {
        Path mcap = dir.resolve("lost.mcap");
        int answered = 39; // the server kills itself (SIGKILL) when step request 40 arrives
        try (PythonGridWorldProcess server = PythonGridWorldProcess.start("--crash-after-steps", Integer.toString(answered + 1),
                "--width", "256", "--height", "256")) {
            CommandOutcome r = memnav("run", "--headless", "--sim", server.endpoint().toString(), "--scene", SCENE, "--episodes", "2",
                    "--subtasks", "3", "--seed", "3", "--out", mcap.toString(), "--json");

            assertThat(r.exit()).isNotZero();
            assertThat(server.awaitExit(10)).as("the server died").isPresent();
            List<String> errLines = r.err().strip().lines().toList();
            String reason = errLines.get(errLines.size() - 1);
            assertThat(reason).startsWith("memnav: ").contains("simulator at " + server.endpoint().address())
                    .contains("closed the connection");
            assertThat(r.out()).as("no results table or JSON for a run that did not finish").doesNotContain("\"sr\"");

            try (RunRecording rec = RunRecording.open(mcap)) {
                assertThat(rec.complete()).as("the recording was closed properly").isTrue();
                assertThat(rec.actions()).hasSize(answered);
                assertThat(rec.poses()).hasSize(answered + 1);
                assertThat(rec.config().settings().get("scene_ref")).isEqualTo(SCENE);
            }
        }
    }
}
