package org.memnav.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memnav.app.cli.CommandOutcome;
import org.memnav.recordings.RunRecording;
import org.memnav.recordings.SubtaskEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless run end to end, exactly as a user types it: embedded simulator behind a real
 * loopback socket, the ONNX encoder, the agent, the results table, the JSON line and the MCAP file.
 */
class HeadlessRunEndToEndTest {


    private static CommandOutcome memnav(String... args) {
        return CommandOutcome.execute(args);
    }

    @Test
    void runPrintsATableAndAJsonSummaryAndWritesARecording(@TempDir Path dir) throws Exception {
        Path mcap = dir.resolve("run.mcap");
        CommandOutcome r = memnav("run", "--headless", "--episodes", "1", "--seed", "7", "--subtasks", "3",
                "--out", mcap.toString(), "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).contains("episode").contains("goal").contains("success").contains("spl");
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(summary.has("sr") && summary.has("spl") && summary.has("steps") && summary.has("wall_s")).isTrue();
        assertThat(summary.get("steps").asInt()).isGreaterThan(12);
        assertThat(summary.get("sr").asDouble()).as("the skeleton agent reaches a goal in the seed-7 apartment").isGreaterThan(0);
        assertThat(summary.get("execution_provider").asText()).isEqualTo("CPU");

        assertThat(Files.size(mcap)).isGreaterThan(0);
        try (RunRecording rec = RunRecording.open(mcap)) {
            assertThat(rec.complete()).isTrue();
            assertThat(rec.poses()).hasSize(summary.get("steps").asInt() + 1);
            assertThat(rec.actions()).hasSize(summary.get("steps").asInt());
            List<SubtaskEvent> events = rec.subtaskEvents();
            assertThat(events.stream().filter(e -> e instanceof SubtaskEvent.Started)).hasSize(3);
            assertThat(events.stream().filter(e -> e instanceof SubtaskEvent.Ended)).hasSize(3);
            assertThat(rec.config().seed()).isEqualTo(7);
            assertThat(rec.config().executionProvider()).isEqualTo("CPU");
        }
    }

    @Test
    void everySubcommandHasHelpAndBadInputFailsWithOneLineReason(@TempDir Path dir) {
        assertThat(memnav("--help").out()).contains("Usage: memnav").contains("run");
        CommandOutcome help = memnav("run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--episodes").contains("--json").contains("--out");

        CommandOutcome badScene = memnav("run", "--scene", dir.resolve("missing.json").toString());
        assertThat(badScene.exit()).isNotZero();
        assertThat(badScene.err().strip()).startsWith("memnav: ").contains("missing.json");
        assertThat(badScene.err().strip().lines()).hasSize(1);

        CommandOutcome deadSim = memnav("run", "--sim", "tcp://127.0.0.1:1");
        assertThat(deadSim.exit()).isNotZero();
        assertThat(deadSim.err()).contains("memnav: ").contains("127.0.0.1:1");

        CommandOutcome badModel = memnav("run", "--encoder", dir.resolve("nope.json").toString());
        assertThat(badModel.exit()).isNotZero();
        assertThat(badModel.err()).contains("nope.json");
    }
}
